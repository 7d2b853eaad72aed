import * as Y from 'yjs';
import type { ParagraphView } from '../../shared/paragraphs';
import { findParagraph } from '../helpers/anchors';
import { requestJson } from '../helpers/http';
import { sample, scrape, scrapeUntil } from '../helpers/prometheus';
import { proposalOk, rangeOn } from '../helpers/proposals';
import { connectSocket, emitAck, type ClientSocket } from '../helpers/socketClient';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, draftText, waitForDoc, type YjsClient } from '../helpers/yjsClient';

/**
 * Short, so the test sees a document go back to binary state; longer than DraftActivity's 2 s
 * flush, so that its heading read after an edit finds the document still live, as in production
 * (30 s). Shorter, that flush could be a transient read of its own just before the reads under
 * test, and the second of two transient reads within the idle period builds the document.
 */
const LIVE_DOCUMENT_IDLE_MS = 3_000;

describe('reading a draft the way the browser opens it builds no Y.Doc in its room', () => {
  let server: TestServer;
  let draftId: string;
  const sockets: ClientSocket[] = [];
  const clients: YjsClient[] = [];

  /** A server per test: the idle period before a live document goes back to binary state is the default (30 s) unless given. */
  const start = async (liveDocumentIdleMs?: number) => {
    server = await startTestServer({ liveDocumentIdleMs });
    draftId = await server.demoDraftId();
  };
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.disconnect());
    clients.splice(0).forEach((client) => client.destroy());
    await server.stop();
  });

  const liveDocuments = async () => sample((await scrape(server.url)).text, 'resolutions_live_documents');
  const get = async <T>(token: string, path: string) => {
    const response = await requestJson<T>(`${server.url}/api/drafts/${draftId}${path}`, { token });
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.body;
  };
  const paragraphs = async (token: string) => (await get<{ paragraphs: ParagraphView[] }>(token, '/paragraphs')).paragraphs;
  const paragraph = async (token: string, id: string) => (await paragraphs(token)).find((view) => view.id === id)!;
  /** What the web client asks for as it opens a draft, then its stock y-websocket provider. */
  const open = async (username: string) => {
    const { token } = await server.login(username);
    for (const path of ['', '/proposals', '/sponsors', '/silence', '/activity', '/comments', '/versions']) await get(token, path);
    const views = await paragraphs(token);
    const socket = await connectSocket(server.url, token);
    sockets.push(socket);
    expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true });
    const client = connectYjs(server.wsUrl, draftId, token);
    clients.push(client);
    await client.synced;
    return { token, views, socket, doc: client.doc };
  };

  it('serves the views, labels and checks of opening browsers from binary state; writes show in the reads after them', async () => {
    await start();
    const chair = await open('chair');
    const eu = await open('eu');
    const urges = chair.views.find((view) => view.text.includes('Urges Member States'))!;
    expect(urges).toMatchObject({ label: expect.stringMatching(/^OP/), status: 'open' });
    expect(await emitAck(chair.socket, 'projector:focus', { draftId, paragraphId: urges.id })).toMatchObject({ ok: true });
    expect(await liveDocuments()).toBe(0);

    // Writes go through the live document, and the reads that follow them see them.
    const proposal = await proposalOk(eu.socket, 'proposal:create', { draftId, kind: 'replace', anchor: rangeOn(eu.doc, urges.id, 'Urges'), text: 'Calls upon' });
    await proposalOk(chair.socket, 'proposal:accept', { proposalId: proposal.id });
    expect((await paragraph(eu.token, urges.id)).text).toContain('Calls upon Member States');
    expect(await get(eu.token, `/proposals/produced?paragraphId=${urges.id}`)).toMatchObject({ ranges: [expect.objectContaining({ proposalId: proposal.id })] });
    expect(await emitAck(chair.socket, 'paragraph:status', { draftId, paragraphId: urges.id, status: 'informals' })).toMatchObject({ ok: true });
    expect((await paragraph(eu.token, urges.id)).status).toBe('informals');
    expect(await liveDocuments()).toBe(1);
  });

  it('reads what the live document had once it went back to binary state, without building it again', async () => {
    await start(LIVE_DOCUMENT_IDLE_MS);
    const chair = await open('chair');
    const urges = chair.views.find((view) => view.text.includes('Urges Member States'))!;
    (findParagraph(chair.doc, 'Urges Member States').get(0) as Y.XmlText).insert(0, 'Firmly ');
    await scrapeUntil(server.url, (text) => sample(text, 'resolutions_live_documents') === 1);
    await scrapeUntil(server.url, (text) => sample(text, 'resolutions_live_documents') === 0);

    const eu = await open('eu');
    expect(eu.views.find((view) => view.id === urges.id)!.text).toContain('Firmly Urges Member States');
    expect((await paragraph(chair.token, urges.id)).text).toContain('Firmly Urges Member States');
    expect(await liveDocuments()).toBe(0);

    // A client's edit builds it again; the next read has the edit.
    (findParagraph(eu.doc, 'Firmly Urges').get(0) as Y.XmlText).insert(0, 'Also ');
    await waitForDoc(chair.doc, (doc) => draftText(doc).includes('Also Firmly Urges'));
    expect((await paragraph(chair.token, urges.id)).text).toContain('Also Firmly Urges Member States');
    expect(await liveDocuments()).toBe(1);
  });
});
