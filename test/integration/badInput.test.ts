import net from 'node:net';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { resolveAuthSecret } from '../../server/auth/secret';
import { TokenService } from '../../server/auth/tokens';
import { CloseCode } from '../../shared/closeCodes';
import { WARN } from '../helpers/captureLogs';
import { LogCapture } from '../helpers/captureLogs';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { openRawYjs, type RawConnection } from '../helpers/rawSocket';
import { connectYjs, paragraphTexts, waitForDoc, type YjsClient } from '../helpers/yjsClient';
import { frame, garbage, syncFrame, updatesAs, updatesOf, withoutDeleteSet } from '../helpers/yjsBytes';

const MAX_FRAME_BYTES = 64 * 1024;
/** Above what a person typing sends, far below a flood of FLOOD frames. */
const MAX_FRAMES_PER_SECOND = 50;
const FLOOD = 200;
/** yjsChannel keeps at most 32 frames while a connection signs in; this is above that and below the rate limit. */
const EARLY_FLOOD = 40;

/** A sync update message (type 0, sub-type 2) carrying `update`. */
const syncUpdateFrame = (update: Uint8Array) => syncFrame(2, update);

/** The text of the last operative paragraph of a synced draft. */
function lastOperativeText(doc: Y.Doc): Y.XmlText {
  const operative = doc.getXmlFragment('prosemirror').toArray()[4] as Y.XmlElement;
  const paragraphs = operative.toArray() as Y.XmlElement[];
  return paragraphs[paragraphs.length - 1].get(0) as Y.XmlText;
}

const insertAtStart = (text: string) => (copy: Y.Doc) => lastOperativeText(copy).insert(0, text);

describe('Yjs channel: bad input closes only the offending connection', () => {
  let server: TestServer;
  const logs = new LogCapture();
  let draftId: string;
  let userId: string;
  const tokens: Record<string, string> = {};
  let healthy: YjsClient;
  let watcher: YjsClient;
  const dropped: string[] = [];
  const raw: RawConnection[] = [];
  let edits = 0;
  let logMark = 0;

  const open = (token: string | undefined, path = draftId) => {
    const connection = openRawYjs(server.wsUrl, path, token);
    raw.push(connection);
    return connection;
  };

  /** A raw connection whose room is attached (the server greeted it with its sync step 1). */
  const openAttached = async () => {
    const connection = open(tokens.usa);
    await connection.firstMessage;
    return connection;
  };

  /** Every 'closing yjs connection' line logged since the test began. */
  const closeLines = () => logs.since(logMark).filter((entry) => entry.msg === 'closing yjs connection');

  const expectOneCloseLine = (code: number, reason: string | RegExp) =>
    expect(closeLines()).toEqual([
      expect.objectContaining({ level: WARN, code, reason: expect.stringMatching(reason), draftId: expect.any(String) }),
    ]);

  /** The well-behaved clients' view when the test began. */
  let baseline: { texts: string[]; clocks: Map<number, number> };
  /** Clock per Yjs client, leaving out the client that makes the legitimate edits. */
  const othersClocks = (doc: Y.Doc) => {
    const clocks = Y.decodeStateVector(Y.encodeStateVector(doc));
    clocks.delete(healthy.doc.clientID);
    return clocks;
  };

  /**
   * The process answers, the well-behaved clients are still connected, the document holds
   * exactly what it held before plus a legitimate edit made now, the other client receives
   * that edit, and a newcomer gets the very same state from the server (nothing foreign,
   * nothing pending).
   */
  const expectOthersUnaffected = async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(dropped).toEqual([]);
    expect([healthy.provider.wsconnected, watcher.provider.wsconnected]).toEqual([true, true]);

    const marker = ` [edit ${++edits}]`;
    const text = lastOperativeText(healthy.doc);
    text.insert(text.length, marker);
    await waitForDoc(watcher.doc, (doc) => lastOperativeText(doc).toString().endsWith(marker));
    const expected = baseline.texts.map((t, i) => (i === baseline.texts.length - 1 ? t + marker : t));
    expect(paragraphTexts(healthy.doc)).toEqual(expected);
    expect(paragraphTexts(watcher.doc)).toEqual(expected);
    expect(othersClocks(healthy.doc)).toEqual(baseline.clocks);
    expect(othersClocks(watcher.doc)).toEqual(baseline.clocks);

    const newcomer = connectYjs(server.wsUrl, draftId, tokens.nigeria);
    try {
      await newcomer.synced;
      expect(paragraphTexts(newcomer.doc)).toEqual(expected);
      expect(Y.encodeStateVector(newcomer.doc)).toEqual(Y.encodeStateVector(healthy.doc));
      expect([...newcomer.doc.share.keys()]).toEqual(['prosemirror']);
      expect(newcomer.doc.store.pendingStructs).toBeNull();
      expect(newcomer.doc.store.pendingDs).toBeNull();
    } finally {
      newcomer.destroy();
    }
  };

  beforeAll(async () => {
    server = await startTestServer({ maxFrameBytes: MAX_FRAME_BYTES, maxFramesPerSecond: MAX_FRAMES_PER_SECOND }, logs.logger);
    draftId = await server.demoDraftId();
    for (const username of ['kazakhstan', 'eu', 'usa', 'nigeria']) tokens[username] = (await server.login(username)).token;
    userId = (await server.store.users.findByUsername('usa'))!.id;
    healthy = connectYjs(server.wsUrl, draftId, tokens.kazakhstan);
    watcher = connectYjs(server.wsUrl, draftId, tokens.eu);
    healthy.provider.on('connection-close', () => dropped.push('healthy'));
    watcher.provider.on('connection-close', () => dropped.push('watcher'));
    await Promise.all([healthy.synced, watcher.synced]);
  });

  beforeEach(() => {
    logMark = logs.mark();
    baseline = { texts: paragraphTexts(healthy.doc), clocks: othersClocks(healthy.doc) };
  });

  afterEach(async () => {
    for (const connection of raw.splice(0)) {
      connection.ws.terminate();
      await connection.closed;
    }
  });

  afterAll(async () => {
    healthy?.destroy();
    watcher?.destroy();
    await server?.stop();
  });

  describe('frames that break the protocol get 4400 (BadMessage)', () => {
    /** Each case sends its frame(s) in order; the last one is refused. */
    const cases: Array<[string, () => Uint8Array | Uint8Array[], RegExp]> = [
      ['an empty frame', () => new Uint8Array(0), /truncated or malformed/],
      // Sync update announcing 10 bytes of payload, carrying 3.
      ['a truncated frame', () => Uint8Array.of(0, 2, 10, 1, 2, 3), /truncated or malformed/],
      ['an unknown message type', () => Uint8Array.of(7), /unknown message type 7/],
      ['an unknown sync sub-type', () => Uint8Array.of(0, 7, 0), /unknown sync message type 7/],
      [
        'a valid update followed by trailing bytes',
        () => Uint8Array.of(...syncUpdateFrame(updatesOf(healthy.doc, insertAtStart('TRAILING '))[0]), 0),
        /unexpected bytes after the message/,
      ],
      ['random bytes posing as a sync update', () => syncUpdateFrame(garbage(64)), /not a Yjs update/],
      [
        // Structs intact, the delete set after them missing: Yjs would integrate the structs, then throw.
        'a Yjs update cut short before its delete set',
        () => {
          const [update] = updatesOf(healthy.doc, insertAtStart('CUT SHORT '));
          return syncUpdateFrame(withoutDeleteSet(update));
        },
        /not a Yjs update|refused by Yjs/,
      ],
      [
        // Another delegation's next clocks. (An update that follows on from the sender's own changes
        // still on their way, even under a client id new to the server, is held instead.)
        'a valid Yjs update that deletes changes the server never got',
        () =>
          syncUpdateFrame(
            updatesAs(healthy.doc.clientID, healthy.doc, insertAtStart('FIRST '), (copy) => lastOperativeText(copy).delete(0, 6))[1],
          ),
        /depends on changes the server does not have/,
      ],
      ['a sync step 1 whose state vector is random bytes', () => syncFrame(0, garbage(64)), /not a state vector/],
      [
        // The first update waits for the second (held); the random bytes are merged with it.
        'random bytes posing as a sync update while an update is held',
        () => [syncUpdateFrame(updatesOf(healthy.doc, insertAtStart('FIRST '), insertAtStart('HELD '))[1]), syncUpdateFrame(garbage(64))],
        /not a Yjs update/,
      ],
      [
        'an awareness message with garbage inside',
        () =>
          frame((e) => {
            encoding.writeVarUint(e, 1);
            encoding.writeVarUint8Array(e, garbage(32));
          }),
        /awareness/,
      ],
      [
        // At the limit exactly: passes the size check and is judged by its content.
        'a frame of exactly the size limit with an unknown type',
        () => Uint8Array.of(7, ...new Uint8Array(MAX_FRAME_BYTES - 1)),
        /unknown message type 7/,
      ],
    ];

    it.each(cases)('%s', async (_name, makeFrame, reason) => {
      const connection = await openAttached();
      [makeFrame()].flat().forEach((bytes) => connection.ws.send(bytes));
      expect(await connection.closed).toEqual({ code: CloseCode.BadMessage, reason: expect.stringMatching(reason) });
      expectOneCloseLine(CloseCode.BadMessage, reason);
      await expectOthersUnaffected();
    });
  });

  it('closes a connection that sends a frame above maxFrameBytes with 1009 and logs it', async () => {
    const connection = await openAttached();
    connection.ws.send(new Uint8Array(MAX_FRAME_BYTES + 1));
    expect((await connection.closed).code).toBe(CloseCode.TooLarge);
    expect(logs.since(logMark)).toContainEqual(
      expect.objectContaining({
        level: WARN,
        msg: 'yjs socket error',
        err: expect.objectContaining({ message: expect.stringMatching(/max payload size exceeded/i) }),
      }),
    );
    await expectOthersUnaffected();
  });

  it('closes a connection that floods frames right after opening with 4429, logging it once', async () => {
    const connection = open(tokens.usa);
    await connection.opened;
    const query = Uint8Array.of(3);
    for (let i = 0; i < FLOOD; i++) connection.ws.send(query);
    expect(await connection.closed).toEqual({ code: CloseCode.RateLimited, reason: expect.stringMatching(/^too many messages/) });
    // One line per offence, not one per frame that was still in flight.
    expectOneCloseLine(CloseCode.RateLimited, /^too many messages/);
    await expectOthersUnaffected();
  });

  it('closes a connection that floods frames while its sign-in is still pending with 4429', async () => {
    let finishSignIn = () => {};
    const signInHeld = new Promise<void>((resolve) => (finishSignIn = resolve));
    const users = server.store.users;
    const findById = users.findById.bind(users);
    // Holds this one sign-in open, so every frame is sent before the connection is authenticated.
    const spy = jest.spyOn(users, 'findById').mockImplementationOnce(async (id) => {
      await signInHeld;
      return findById(id);
    });
    try {
      const connection = open(tokens.usa);
      await connection.opened;
      for (let i = 0; i < EARLY_FLOOD; i++) connection.ws.send(Uint8Array.of(3));
      expect(await connection.closed).toEqual({ code: CloseCode.RateLimited, reason: 'too many messages before sign-in' });
      expect(spy).toHaveBeenCalledTimes(1);
      expectOneCloseLine(CloseCode.RateLimited, 'too many messages before sign-in');
    } finally {
      finishSignIn();
      spy.mockRestore();
    }
    await expectOthersUnaffected();
  });

  describe('connections without a valid token get 4401 (Unauthorized)', () => {
    const otherSecret = new TextEncoder().encode('not the server secret, but long enough to sign'.repeat(2));
    const serverSecret = () => resolveAuthSecret(null, server.dataDir);
    const cases: Array<[string, () => Promise<string | undefined>]> = [
      ['no token', async () => undefined],
      ['an empty token', async () => ''],
      ['a token that is not a JWT', async () => 'not-a-token'],
      ['a token signed with another secret', () => new TokenService(otherSecret, 3600).issue(userId)],
      ['an expired token', () => new TokenService(serverSecret(), 0).issue(userId)],
      ['a token for an account that does not exist', () => new TokenService(serverSecret(), 3600).issue('no-such-user')],
    ];

    it.each(cases)('%s', async (_name, makeToken) => {
      const connection = open(await makeToken());
      expect(await connection.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'sign-in required' });
      expectOneCloseLine(CloseCode.Unauthorized, 'sign-in required');
      await expectOthersUnaffected();
    });

    it('(control: a token signed with the server secret is accepted)', async () => {
      const connection = open(await new TokenService(serverSecret(), 3600).issue(userId));
      await connection.firstMessage;
      expect(closeLines()).toEqual([]);
    });
  });

  describe('connections to a draft that does not exist get 4404 (UnknownDraft)', () => {
    it.each([
      ['an unknown id', 'no-such-draft'],
      ['an id that is not valid percent-encoding', '%E0%A4%A'],
    ])('%s', async (_name, path) => {
      const connection = open(tokens.usa, path);
      expect(await connection.closed).toEqual({ code: CloseCode.UnknownDraft, reason: 'no such draft' });
      expectOneCloseLine(CloseCode.UnknownDraft, 'no such draft');
      await expectOthersUnaffected();
    });
  });

  it('refuses an upgrade request whose URL does not parse, and keeps running', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.write(
      'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await new Promise((resolve) => socket.once('close', resolve));
    expect(answer).not.toMatch(/^HTTP\/1\.1 101/);
    await expectOthersUnaffected();
  });
});
