import * as Y from 'yjs';
import { loadDocument } from '../../server/collab/loadDocument';
import { findParagraph } from '../helpers/anchors';
import { LogCapture } from '../helpers/captureLogs';
import { sample, scrape, scrapeUntil } from '../helpers/prometheus';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, draftText, waitForDoc, type YjsClient } from '../helpers/yjsClient';

/** Short, so the test sees a document go back to binary state. */
const LIVE_DOCUMENT_IDLE_MS = 300;

/** Figures the test reads off /metrics: rooms loaded, and how many of them built a Y.Doc. */
async function rooms(server: TestServer): Promise<{ open: number | undefined; live: number | undefined }> {
  const { text } = await scrape(server.url);
  return { open: sample(text, 'resolutions_open_drafts'), live: sample(text, 'resolutions_live_documents') };
}

describe('rooms keep an open draft as binary state and build a Y.Doc only for changes', () => {
  const logs = new LogCapture();
  let server: TestServer;
  let draftId: string;
  const clients: YjsClient[] = [];

  beforeEach(async () => {
    server = await startTestServer({ liveDocumentIdleMs: LIVE_DOCUMENT_IDLE_MS }, logs.logger);
    draftId = await server.demoDraftId();
  });
  afterEach(async () => {
    clients.splice(0).forEach((client) => client.destroy());
    await server.stop();
  });

  const connect = async (username: string) => {
    const client = connectYjs(server.wsUrl, draftId, (await server.login(username)).token);
    clients.push(client);
    await client.synced;
    return client;
  };
  const storedText = async () => {
    const { doc } = await loadDocument(server.store.documents, draftId, logs.logger);
    const text = draftText(doc);
    doc.destroy();
    return text;
  };

  it('syncs readers without a Y.Doc; the first edit builds it, reaches the others and is stored; idle, it goes back', async () => {
    const reader = await connect('eu');
    const writer = await connect('kazakhstan');
    expect(draftText(reader.doc)).toBe(await storedText());
    expect(draftText(reader.doc)).toContain('Urges Member States');
    // Two stock clients synced both ways and announced their cursors: no document built.
    expect(await rooms(server)).toEqual({ open: 1, live: 0 });

    (findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText).insert(0, 'Firmly ');
    await waitForDoc(reader.doc, (doc) => draftText(doc).includes('Firmly Urges Member States'));
    expect(await rooms(server)).toEqual({ open: 1, live: 1 });
    // Relayed once durable: in the store by the time the reader has it.
    expect(await storedText()).toBe(draftText(writer.doc));

    await scrapeUntil(server.url, (text) => sample(text, 'resolutions_live_documents') === 0);
    expect((await rooms(server)).open).toBe(1);
    const newcomer = await connect('usa');
    expect(draftText(newcomer.doc)).toBe(draftText(writer.doc));
    expect((await rooms(server)).live).toBe(0);

    // Built again from the binary state for the next edit, which everyone gets.
    (findParagraph(writer.doc, 'Firmly Urges').get(0) as Y.XmlText).insert(0, 'Also ');
    await waitForDoc(newcomer.doc, (doc) => draftText(doc).includes('Also Firmly Urges'));
    await waitForDoc(reader.doc, (doc) => draftText(doc).includes('Also Firmly Urges'));
    expect(await rooms(server)).toEqual({ open: 1, live: 1 });
    expect(await storedText()).toBe(draftText(writer.doc));
  });

  it('syncs a returning reader of a draft with deletions without a Y.Doc (its sync step 2 holds every deletion)', async () => {
    const writer = await connect('kazakhstan');
    (findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText).delete(0, 6);
    await scrapeUntil(server.url, (text) => sample(text, 'resolutions_live_documents') === 1);
    await scrapeUntil(server.url, (text) => sample(text, 'resolutions_live_documents') === 0);

    // A reader that has the draft as it is (a page reload with IndexedDB, a reconnect).
    const back = connectYjs(server.wsUrl, draftId, (await server.login('eu')).token, { connect: false });
    clients.push(back);
    Y.applyUpdate(back.doc, Y.encodeStateAsUpdate(writer.doc));
    back.provider.connect();
    await back.synced;
    expect(draftText(back.doc)).toBe(draftText(writer.doc));
    expect((await rooms(server)).live).toBe(0);
  });

  it('serves a reconnecting client what it lacks from binary state', async () => {
    const writer = await connect('kazakhstan');
    const before = Y.encodeStateAsUpdate(writer.doc);
    (findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText).insert(0, 'Firmly ');
    await scrapeUntil(server.url, (text) => sample(text, 'resolutions_live_documents') === 1);
    await scrapeUntil(server.url, (text) => sample(text, 'resolutions_live_documents') === 0);

    // A client that was offline since before the edit: sync step 1 with its state vector.
    const back = connectYjs(server.wsUrl, draftId, (await server.login('eu')).token, { connect: false });
    clients.push(back);
    Y.applyUpdate(back.doc, before);
    back.provider.connect();
    await back.synced;
    expect(draftText(back.doc)).toBe(draftText(writer.doc));
    expect((await rooms(server)).live).toBe(0);
  });
});
