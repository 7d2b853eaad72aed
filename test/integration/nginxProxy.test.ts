import * as Y from 'yjs';
import { findParagraph } from '../helpers/anchors';
import { LogCapture, type LogEntry } from '../helpers/captureLogs';
import { startNginx, type NginxUnderTest } from '../helpers/nginxProxy';
import { connectSocket } from '../helpers/socketClient';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, draftText, waitForDoc } from '../helpers/yjsClient';

/** The deployment's reverse proxy (deploy/nginx.conf, as docker-compose.yml runs it) in front of real servers. */
describe('deploy/nginx.conf in front of real servers', () => {
  const logsA = new LogCapture();
  const logsB = new LogCapture();
  let a: TestServer;
  let b: TestServer;
  let proxy: NginxUnderTest | null = null;

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer({ trustProxy: 1 }, logsA.logger), startTestServer({ trustProxy: 1 }, logsB.logger)]);
  });
  afterEach(async () => {
    await proxy?.stop();
    proxy = null;
  });
  afterAll(async () => {
    await Promise.all([a.stop(), b.stop()]);
  });

  const requestIds = (logs: LogCapture) =>
    logs.entries.filter((e: LogEntry) => e.component === 'http' && e.res !== undefined).map((e) => (e.req as { id: string }).id);

  it('balances requests over both instances without stickiness, each logged under the request id nginx made', async () => {
    proxy = await startNginx([a.port, b.port]);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${proxy.url}/api/drafts`, { headers: { 'x-request-id': 'chosen-by-client' } });
      expect(response.status).toBe(401);
      ids.push(response.headers.get('x-request-id')!);
    }
    // nginx replaces whatever the client sent with its own $request_id (32 hex digits).
    ids.forEach((id) => expect(id).toMatch(/^[0-9a-f]{32}$/));
    const [onA, onB] = [requestIds(logsA), requestIds(logsB)].map((seen) => ids.filter((id) => seen.includes(id)));
    expect([onA.length, onB.length]).toEqual([2, 2]);
    expect([...onA, ...onB].sort()).toEqual([...ids].sort());
  });

  it('upgrades websockets on /yjs/ and /socket.io/: two delegations co-edit through it', async () => {
    // Both upstreams on one server: the instances do not share a store in this test.
    proxy = await startNginx([a.port, a.port]);
    const wsUrl = proxy.url.replace('http', 'ws');
    const draftId = await a.demoDraftId();
    const writer = connectYjs(wsUrl, draftId, (await a.login('kazakhstan')).token);
    const reader = connectYjs(wsUrl, draftId, (await a.login('eu')).token);
    const socket = await connectSocket(proxy.url, (await a.login('usa')).token);
    try {
      await Promise.all([writer.synced, reader.synced]);
      (findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText).insert(0, 'Through the proxy ');
      await waitForDoc(reader.doc, (doc) => draftText(doc).includes('Through the proxy Urges'));
      expect(socket.connected).toBe(true);
      expect(socket.io.engine.transport.name).toBe('websocket');
    } finally {
      socket.disconnect();
      writer.destroy();
      reader.destroy();
    }
  });

  it('keeps /metrics private: nginx answers 404, and a path it lets through is refused by the instance as proxied', async () => {
    proxy = await startNginx([a.port, a.port]);
    expect((await fetch(`${proxy.url}/metrics`)).status).toBe(404);
    const slipped = await fetch(`${proxy.url}/metrics/`);
    expect(slipped.status).toBe(403);
    expect(await slipped.json()).toEqual({ error: expect.stringContaining('METRICS_TOKEN') });
    expect((await fetch(`${a.url}/metrics`)).status).toBe(200);
  });
});
