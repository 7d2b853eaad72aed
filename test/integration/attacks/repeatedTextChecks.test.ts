import type { ParagraphView } from '../../../shared/paragraphs';
import { requestJson } from '../../helpers/http';
import { sample, scrape } from '../../helpers/prometheus';
import { rangeOn } from '../../helpers/proposals';
import { connectSocket, emitAck, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, type YjsClient } from '../../helpers/yjsClient';

/**
 * A check of the text on a room that holds binary state reads a transient Y.Doc. A modified client
 * repeating a failing check must not make the server build the whole document once per attempt:
 * the second read within the idle period builds the live document, which the next ones read.
 */
describe('a client repeating a failing check of the text', () => {
  let server: TestServer;
  let draftId: string;
  let socket: ClientSocket;
  let reader: YjsClient;

  beforeAll(async () => {
    server = await startTestServer();
    draftId = await server.demoDraftId();
    const { token } = await server.login('eu');
    socket = await connectSocket(server.url, token);
    expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true });
    reader = connectYjs(server.wsUrl, draftId, token);
    await reader.synced;
  });
  afterAll(async () => {
    socket.disconnect();
    reader.destroy();
    await server.stop();
  });

  const liveDocuments = async () => sample((await scrape(server.url)).text, 'resolutions_live_documents');

  it('is refused each time, and costs one live document, not one build per attempt', async () => {
    const { body } = await requestJson<{ paragraphs: ParagraphView[] }>(`${server.url}/api/drafts/${draftId}/paragraphs`, { token: (await server.login('eu')).token });
    const urges = body.paragraphs.find((view) => view.text.includes('Urges Member States'))!;
    const misplaced = { ...rangeOn(reader.doc, urges.id, 'Urges'), paragraphId: 'no-such-paragraph' };
    expect(await liveDocuments()).toBe(0);

    for (let attempt = 0; attempt < 5; attempt++) {
      const ack = await emitAck(socket, 'proposal:create', { draftId, kind: 'replace', anchor: misplaced, text: 'Calls upon' });
      expect(ack).toMatchObject({ ok: false, error: expect.any(String) });
    }
    expect(await liveDocuments()).toBe(1);
  });
});
