import * as Y from 'yjs';
import { CloseCode } from '../../../shared/closeCodes';
import { LogCapture, WARN } from '../../helpers/captureLogs';
import { openRawYjs } from '../../helpers/rawSocket';
import { StoreSwitch } from '../../helpers/storeSwitch';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, type YjsClient } from '../../helpers/yjsClient';
import { garbage, syncFrame } from '../../helpers/yjsBytes';
import { operativeText } from './scene';

const MAX_FRAME_BYTES = 16 * 1024;

/**
 * While one of its frames waits (a sync step 1 waits until what it answers with is durable), a
 * connection's later frames queue behind it. A modified client that keeps sending large frames
 * then would hold the server's memory for as long as the store is slow; the queue is bounded.
 */
describe('attack: piling up frames behind one that waits', () => {
  const logs = new LogCapture();
  let server: TestServer;
  let store: StoreSwitch;
  let writer: YjsClient;

  beforeAll(async () => {
    server = await startTestServer({ maxFrameBytes: MAX_FRAME_BYTES }, logs.logger);
    store = new StoreSwitch(server.store.documents);
    writer = connectYjs(server.wsUrl, await server.demoDraftId(), (await server.login('eu')).token);
    await writer.synced;
  });
  afterAll(async () => {
    writer.destroy();
    store.restore();
    await server.stop();
  });

  it('closes the connection with 4429 once more than a few full frames wait, and the text is kept', async () => {
    store.block();
    const attempted = store.nextAttempt();
    operativeText(writer.doc, 0).insert(0, 'Emphasizes ');
    await attempted; // an edit is applied and its write hangs: a sync step 1 now waits

    const attacker = openRawYjs(server.wsUrl, await server.demoDraftId(), (await server.login('usa')).token);
    await attacker.firstMessage;
    attacker.ws.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    for (let i = 0; i < 9; i++) attacker.ws.send(garbage(MAX_FRAME_BYTES - 64, i + 1));

    expect(await attacker.closed).toEqual({ code: CloseCode.RateLimited, reason: 'too much data waiting to be handled' });
    expect(logs.entries).toContainEqual(expect.objectContaining({ level: WARN, msg: 'closing yjs connection', code: CloseCode.RateLimited }));

    const written = store.nextWrite();
    store.up();
    await written;
    const stored = new Y.Doc();
    for await (const entry of server.store.documents.updatesBetween(await server.demoDraftId(), 0)) Y.applyUpdate(stored, entry.update);
    expect(stored.getXmlFragment('prosemirror').toString()).toContain('Emphasizes ');
    stored.destroy();
  });
});
