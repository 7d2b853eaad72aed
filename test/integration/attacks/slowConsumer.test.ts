import type { Socket } from 'node:net';
import * as Y from 'yjs';
import type { Room } from '../../../server/collab/room';
import { BEHIND_CLOSE_GRACE_MS } from '../../../server/transport/yjsSession';
import { CloseCode } from '../../../shared/closeCodes';
import { findParagraph } from '../../helpers/anchors';
import { LogCapture, WARN } from '../../helpers/captureLogs';
import { openRawYjs, type RawConnection } from '../../helpers/rawSocket';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, waitForDoc, type YjsClient } from '../../helpers/yjsClient';
import { syncFrame } from '../../helpers/yjsBytes';

const CHUNK = 'x'.repeat(128 * 1024);
/** Well past what loopback's socket buffers hold for a reader that stopped (a few MB), and bounded. */
const MAX_CHUNKS = 100;
const BEHIND = 'too far behind: reconnect and sync';
const PARAGRAPH = 'Urges Member States';

/** The TCP socket under a `ws` client: pausing it is what a client does that stops reading. */
function tcpSocket(ws: unknown): Socket {
  return (ws as { _socket: Socket })._socket;
}

function paragraphText(doc: Y.Doc): Y.XmlText {
  return findParagraph(doc, PARAGRAPH).get(0) as Y.XmlText;
}

/** Resolves when the room's awareness gains or loses `clientId` (the connection was attached, or left). */
function awarenessChange(room: Room, clientId: number, change: 'added' | 'removed'): Promise<void> {
  return new Promise((resolve) => {
    const seen = (changes: Record<typeof change, number[]>) => {
      if (!changes[change].includes(clientId)) return;
      room.awareness.off('change', seen);
      resolve();
    };
    room.awareness.on('change', seen);
  });
}

/** Types `words` at the end of the writer's paragraph; resolves once the server applied them. */
async function typeAtEnd(writer: YjsClient, room: Room, words: string): Promise<void> {
  const text = paragraphText(writer.doc);
  const applied = new Promise((resolve) => room.doc.once('update', resolve));
  text.insert(text.length, words);
  await applied;
}

/** Types 128 KB chunks, each applied by the server before the next, until `done()` or MAX_CHUNKS; returns how many. */
async function typeChunksUntil(writer: YjsClient, room: Room, done: () => boolean): Promise<number> {
  let typed = 0;
  while (!done() && typed < MAX_CHUNKS) {
    await typeAtEnd(writer, room, CHUNK);
    typed += 1;
  }
  return typed;
}

/**
 * A stock client that shows its cursor at once, as the browser does: its first awareness frame
 * (sent right after its sync step 1) has a state the room takes, so the room's awareness tells
 * when the server has handled both. (A bare client's state at clock 0 is only taken once it reads
 * the server's answer and announces again.)
 */
function connectWithCursor(server: TestServer, draftId: string, token: string): YjsClient {
  const client = connectYjs(server.wsUrl, draftId, token, { connect: false });
  client.provider.awareness.setLocalStateField('cursor', null);
  client.provider.connect();
  return client;
}

/** Stops reading the client's TCP socket as soon as it is open: a slow link, seen from the server. */
function pausedOnOpen(client: YjsClient): Promise<Socket> {
  const ws = client.provider.ws!;
  // Registered after the provider's own: its sync step 1 and awareness are sent first.
  return new Promise((resolve) => ws.addEventListener('open', () => resolve(tcpSocket(ws).pause())));
}

/**
 * A client that stops reading its socket (asleep, stalled, or on purpose) while others type:
 * without a cap the server would queue every update of the draft for it, without end.
 */
describe('Yjs channel: a connection that does not read what it is sent', () => {
  let server: TestServer;
  let draftId: string;
  const logs = new LogCapture('warn');
  let reader: RawConnection;
  let writer: YjsClient;
  /** A stock client, reading until the second test: a laptop that goes to sleep with its socket open. */
  let sleeper: YjsClient;
  let sleeperUserId: string;
  const refused = (userId: string, since = 0) =>
    logs.since(since).some((entry) => entry.level === WARN && entry.reason === BEHIND && entry.user === userId);

  beforeAll(async () => {
    server = await startTestServer({ maxSendBufferBytes: 64 * 1024 }, logs.logger);
    draftId = await server.demoDraftId();
    writer = connectYjs(server.wsUrl, draftId, (await server.login('kazakhstan')).token);
    const philippines = await server.login('philippines');
    sleeperUserId = philippines.user.id;
    sleeper = connectWithCursor(server, draftId, philippines.token);
    const room = server.rooms.peek(draftId)!;
    await Promise.all([writer.synced, sleeper.synced, awarenessChange(room, sleeper.doc.clientID, 'added')]);
  });
  afterAll(async () => {
    reader?.ws.terminate();
    writer?.destroy();
    sleeper?.destroy();
    await server?.stop();
  });

  it('is closed with 4509 once too much is queued for it, and the others go on', async () => {
    const usa = await server.login('usa');
    reader = openRawYjs(server.wsUrl, draftId, usa.token);
    await reader.firstMessage;
    const readerSocket = tcpSocket(reader.ws);
    readerSocket.pause();
    const room = server.rooms.peek(draftId)!;
    await typeChunksUntil(writer, room, () => refused(usa.user.id));
    expect(refused(usa.user.id)).toBe(true);
    expect(logs.entries.find((entry) => entry.reason === BEHIND)).toMatchObject({ code: CloseCode.Resync });

    readerSocket.resume();
    expect(await reader.closed).toEqual({ code: CloseCode.Resync, reason: BEHIND });
    expect(writer.provider.wsconnected).toBe(true);

    // A newcomer gets everything the writer typed meanwhile.
    const newcomer = connectYjs(server.wsUrl, draftId, (await server.login('eu')).token);
    try {
      await newcomer.synced;
      expect(paragraphText(newcomer.doc).length).toBe(paragraphText(writer.doc).length);
    } finally {
      newcomer.destroy();
    }
  }, 60_000);

  it(`is cut within ${BEHIND_CLOSE_GRACE_MS} ms when it never reads on, not after ws' 30 s close timeout`, async () => {
    const room = server.rooms.peek(draftId)!;
    const sleeperSocket = tcpSocket(sleeper.provider.ws);
    sleeperSocket.pause();
    const mark = logs.mark();
    await typeChunksUntil(writer, room, () => refused(sleeperUserId, mark));
    expect(refused(sleeperUserId, mark)).toBe(true);
    const refusedAt = Date.now();

    // Leaving the room is the session's end: its socket is gone and what was queued for it with it.
    const left = awarenessChange(room, sleeper.doc.clientID, 'removed');
    const tooLate = new Promise<'too late'>((resolve) => setTimeout(resolve, BEHIND_CLOSE_GRACE_MS + 5_000, 'too late').unref());
    expect(await Promise.race([left.then(() => 'left' as const), tooLate])).toBe('left');
    expect(Date.now() - refusedAt).toBeLessThan(BEHIND_CLOSE_GRACE_MS + 1_500);
    expect(logs.since(mark).find((entry) => entry.msg === 'yjs connection did not answer its close: cut')).toMatchObject({ user: sleeperUserId });
    expect(writer.provider.wsconnected).toBe(true);
    sleeperSocket.resume();
  }, 60_000);
});

/**
 * A draft whose whole state is larger than the send cap: a newcomer's sync answer alone is over
 * it. The cap measures what a client falls behind by, so the draft opens on a slow link; what
 * arrives on top of the answer is still capped.
 */
describe('Yjs channel: a draft larger than the send cap, opened on a slow link', () => {
  const SEND_CAP_BYTES = 256 * 1024;
  /** More than loopback's socket buffers take from a reader that does not read (about 4 MB): the answer stays queued in the server. */
  const DRAFT_BYTES = 8 * 1024 * 1024;
  let server: TestServer;
  let draftId: string;
  const logs = new LogCapture('warn');
  let writer: YjsClient;
  let room: Room;
  const refusals = () => logs.entries.filter((entry) => entry.reason === BEHIND);

  beforeAll(async () => {
    server = await startTestServer({ maxSendBufferBytes: SEND_CAP_BYTES }, logs.logger);
    draftId = await server.demoDraftId();
    const author = await server.login('usa');
    await server.rooms.withRoom(draftId, (loaded) =>
      loaded.changeAsServer(author.user.id, (doc) => paragraphText(doc).insert(paragraphText(doc).length, 'y'.repeat(DRAFT_BYTES))),
    );
    writer = connectYjs(server.wsUrl, draftId, (await server.login('kazakhstan')).token);
    await writer.synced;
    room = server.rooms.peek(draftId)!;
  }, 30_000);
  afterAll(async () => {
    writer?.destroy();
    await server?.stop();
  });

  it('opens fully for a newcomer that reads its first sync slowly while another delegation types', async () => {
    const newcomer = connectWithCursor(server, draftId, (await server.login('eu')).token);
    const socket = pausedOnOpen(newcomer);
    const closes: unknown[] = [];
    newcomer.provider.on('connection-close', (event: unknown) => closes.push(event));
    try {
      // Frames are handled in order: once its cursor (sent after its sync step 1) is in the room,
      // its sync answer is queued, unread, and what the writer types goes out behind it.
      await awarenessChange(room, newcomer.doc.clientID, 'added');
      for (let i = 0; i < 4; i++) await typeAtEnd(writer, room, `typed meanwhile ${i}. `);
      const text = paragraphText(writer.doc);
      (await socket).resume();
      await newcomer.synced;
      await waitForDoc(newcomer.doc, (doc) => paragraphText(doc).length === text.length);
      expect(paragraphText(newcomer.doc).toString()).toBe(text.toString());
      expect(refusals()).toEqual([]);
      expect(closes).toEqual([]);
    } finally {
      newcomer.destroy();
    }
  }, 60_000);

  it('still closes a newcomer that stops reading once what it falls behind by passes the cap', async () => {
    const nigeria = await server.login('nigeria');
    const newcomer = connectWithCursor(server, draftId, nigeria.token);
    const socket = pausedOnOpen(newcomer);
    try {
      await awarenessChange(room, newcomer.doc.clientID, 'added');
      const typed = await typeChunksUntil(writer, room, () => refusals().some((entry) => entry.user === nigeria.user.id));
      expect(refusals()).toEqual([expect.objectContaining({ user: nigeria.user.id, code: CloseCode.Resync })]);
      // Closed on the cap's worth of updates behind (plus the one that crossed it), not the draft's.
      expect(typed).toBeLessThanOrEqual(SEND_CAP_BYTES / CHUNK.length + 2);
      (await socket).resume();
    } finally {
      newcomer.destroy();
    }
  }, 60_000);

  it('gains a modified client nothing to ask for the whole draft again and again without reading', async () => {
    const philippines = await server.login('philippines');
    const attacker = openRawYjs(server.wsUrl, draftId, philippines.token);
    try {
      await attacker.firstMessage;
      tcpSocket(attacker.ws).pause();
      const refused = logs.next((entry) => entry.reason === BEHIND && entry.user === philippines.user.id);
      // An empty state vector (no clients): each answer is the whole draft.
      for (let i = 0; i < 5; i++) attacker.ws.send(syncFrame(0, new Uint8Array([0])));
      // Only its latest answer is allowed on top of the cap: the third finds two queued and is refused.
      const answerBytes = Y.encodeStateAsUpdate(room.doc).byteLength;
      expect((await refused).bufferedBytes).toBeLessThan(2 * answerBytes + SEND_CAP_BYTES);
    } finally {
      attacker.ws.terminate();
    }
  }, 20_000);
});
