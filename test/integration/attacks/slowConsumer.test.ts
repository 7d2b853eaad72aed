import type { Socket } from 'node:net';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/closeCodes';
import { findParagraph } from '../../helpers/anchors';
import { LogCapture, WARN } from '../../helpers/captureLogs';
import { openRawYjs, type RawConnection } from '../../helpers/rawSocket';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, type YjsClient } from '../../helpers/yjsClient';

const SEND_BUFFER_BYTES = 64 * 1024;
const CHUNK = 'x'.repeat(32 * 1024);
/** Well past what loopback's socket buffers hold for a reader that stopped (a few MB), and bounded. */
const MAX_CHUNKS = 400;

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

  beforeAll(async () => {
    server = await startTestServer({ maxSendBufferBytes: SEND_BUFFER_BYTES }, logs.logger);
    draftId = await server.demoDraftId();
    reader = openRawYjs(server.wsUrl, draftId, (await server.login('usa')).token);
    await reader.firstMessage;
    writer = connectYjs(server.wsUrl, draftId, (await server.login('kazakhstan')).token);
    await writer.synced;
  });
  afterAll(async () => {
    reader?.ws.terminate();
    writer?.destroy();
    await server?.stop();
  });

  it('is closed with 4509 once too much is queued for it, and the others go on', async () => {
    // What a client does that stops reading: the bytes stay in the kernel, then in the server.
    const readerSocket = (reader.ws as unknown as { _socket: Socket })._socket;
    readerSocket.pause();
    const refused = () => logs.entries.some((entry) => entry.level === WARN && entry.reason === 'too far behind: reconnect and sync');
    const text = findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText;
    const room = server.rooms.peek(draftId)!;
    let sent = 0;
    while (!refused() && sent < MAX_CHUNKS) {
      const applied = new Promise((resolve) => room.doc.once('update', resolve));
      text.insert(text.length, CHUNK);
      await applied;
      sent += 1;
    }
    expect(refused()).toBe(true);
    expect(logs.entries.find((entry) => entry.reason === 'too far behind: reconnect and sync')).toMatchObject({ code: CloseCode.Resync });

    readerSocket.resume();
    expect(await reader.closed).toEqual({ code: CloseCode.Resync, reason: 'too far behind: reconnect and sync' });
    expect(writer.provider.wsconnected).toBe(true);

    // A newcomer gets everything the writer typed meanwhile.
    const newcomer = connectYjs(server.wsUrl, draftId, (await server.login('eu')).token);
    try {
      await newcomer.synced;
      expect((findParagraph(newcomer.doc, 'Urges Member States').get(0) as Y.XmlText).length).toBe(text.length);
    } finally {
      newcomer.destroy();
    }
  }, 60_000);
});
