import * as Y from 'yjs';
import { loadDocument } from '../../../server/collab/loadDocument';
import { createLogger } from '../../../server/logger';
import { openStore } from '../../../server/store/openStore';
import { testConfig } from '../../../server/config';
import { findParagraph } from '../../helpers/anchors';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { mongoUnderTest, removeTestData } from '../../helpers/storeUnderTest';
import { connectYjs, waitForDoc } from '../../helpers/yjsClient';

const hasOutageText = (doc: Y.Doc) => {
  try {
    return findParagraph(doc, 'Outage: Urges Member States') !== undefined;
  } catch {
    return false;
  }
};

/** An orchestrator stops instances during an outage too: the stop must not wait for Redis to come back. */
describe('several instances: stopping while Redis is away', () => {
  let redis: RedisUnderTest;
  let server: TestServer;

  beforeAll(async () => {
    redis = await startRedis();
    server = await startTestServer({ redisUrl: redis.url });
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('stops promptly and keeps the edits made meanwhile', async () => {
    const draftId = await server.demoDraftId();
    const client = connectYjs(server.wsUrl, draftId, (await server.login('kazakhstan')).token);
    await client.synced;
    const down = new Promise<void>((resolve) => server.redis!.onDown(resolve));
    await redis.stop();
    await down;

    const paragraph = findParagraph(client.doc, 'Urges Member States');
    (paragraph.get(0) as Y.XmlText).insert(0, 'Outage: ');
    await waitForDoc(server.rooms.peek(draftId)!.doc, (doc) => hasOutageText(doc));
    client.destroy();
    // Bounded by the test's timeout: it used to wait for Redis for ever.
    await server.close();

    const store = await openStore(testConfig({ ...mongoUnderTest(server.dataDir), dataDir: server.dataDir }));
    try {
      const { doc } = await loadDocument(store.documents, draftId, createLogger('silent'));
      expect(hasOutageText(doc)).toBe(true);
      doc.destroy();
    } finally {
      await store.close();
      await removeTestData(server.dataDir);
    }
  }, 15_000);
});
