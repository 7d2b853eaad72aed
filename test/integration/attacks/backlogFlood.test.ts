import * as Y from 'yjs';
import { CloseCode } from '../../../shared/closeCodes';
import { findParagraph } from '../../helpers/anchors';
import { StoreSwitch } from '../../helpers/storeSwitch';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, draftText, waitForDoc, type YjsClient } from '../../helpers/yjsClient';

const MAX_UNSAVED_BYTES = 64 * 1024;

/**
 * A modified client floods the unsaved backlog while the store is slow, hoping to push it to
 * its cap and get every delegation sent away. It is sent away alone, once it holds a quarter.
 */
describe('attack: flooding the unsaved backlog', () => {
  let server: TestServer;
  let store: StoreSwitch;
  const clients: YjsClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ maxUnsavedBytes: MAX_UNSAVED_BYTES });
    store = new StoreSwitch(server.store.documents);
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    store.restore();
    await server.stop();
  });

  it('closes the flooding connection with 4503 and keeps the others editing; nothing accepted is lost', async () => {
    const draftId = await server.demoDraftId();
    const connect = async (username: string) => {
      const client = connectYjs(server.wsUrl, draftId, (await server.login(username)).token);
      clients.push(client);
      await client.synced;
      return client;
    };
    const attacker = await connect('kazakhstan');
    const bystander = await connect('eu');
    const serverDoc = server.rooms.peek(draftId)!.doc;
    store.block();

    const closed = new Promise<number>((resolve) => attacker.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));
    // Stop the stock client from coming back, so the flood ends with the refusal.
    attacker.provider.shouldConnect = false;
    const target = findParagraph(attacker.doc, 'Urges Member States').get(0) as Y.XmlText;
    for (let i = 0; i < 12; i++) target.insert(0, `FLOOD${i} `.padEnd(4096, '.'));
    expect(await closed).toBe(CloseCode.Unavailable);
    const accepted = draftText(serverDoc).match(/FLOOD\d+/g) ?? [];
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(12);

    (findParagraph(bystander.doc, 'Calls upon').get(0) as Y.XmlText).insert(0, 'Also ');
    await waitForDoc(serverDoc, (doc) => draftText(doc).includes('Also Calls upon'));
    expect(bystander.provider.wsconnected).toBe(true);

    store.up();
    const watcher = await connect('usa');
    await waitForDoc(watcher.doc, (doc) => draftText(doc).includes('Also Calls upon'));
    for (const word of accepted) expect(draftText(watcher.doc)).toContain(word);
  });
});
