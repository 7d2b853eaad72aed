import * as Y from 'yjs';
import { CloseCode } from '../../shared/closeCodes';
import { findParagraph } from '../helpers/anchors';
import { LogCapture, type LogEntry } from '../helpers/captureLogs';
import { requestJson } from '../helpers/http';
import { sample, scrape, scrapeUntil } from '../helpers/prometheus';
import { openRawYjs } from '../helpers/rawSocket';
import { connectSocket, type ClientSocket } from '../helpers/socketClient';
import { StoreSwitch } from '../helpers/storeSwitch';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, draftText, waitForDoc, type YjsClient } from '../helpers/yjsClient';

/** Writes waiting longer than this make /healthz answer 503 (the server's bound for waiting on a write). */
const DURABLE_WAIT_MS = 300;

describe('/metrics after real traffic', () => {
  let server: TestServer;
  let draftId: string;
  const clients: YjsClient[] = [];
  const sockets: ClientSocket[] = [];

  beforeEach(async () => {
    server = await startTestServer({ durableWaitMs: DURABLE_WAIT_MS });
    draftId = await server.demoDraftId();
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    sockets.splice(0).forEach((s) => s.disconnect());
    await server.stop();
  });

  const connect = async (target: TestServer, username: string) => {
    const client = connectYjs(target.wsUrl, draftId, (await target.login(username)).token);
    clients.push(client);
    await client.synced;
    return client;
  };

  it('counts connections, open drafts, durable updates and commit times, without naming drafts or people', async () => {
    const before = (await scrape(server.url)).text;
    expect(sample(before, 'resolutions_open_connections', { transport: 'yjs' })).toBe(0);
    expect(sample(before, 'resolutions_open_drafts')).toBe(0);

    const writer = await connect(server, 'kazakhstan');
    const reader = await connect(server, 'eu');
    sockets.push(await connectSocket(server.url, (await server.login('usa')).token));
    const updatesBefore = sample((await scrape(server.url)).text, 'resolutions_yjs_updates_total') ?? 0;
    const commitsBefore = sample((await scrape(server.url)).text, 'resolutions_persistence_commit_seconds_count') ?? 0;

    const paragraph = findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText;
    for (const word of ['Firmly ', 'and resolutely ', 'also ']) paragraph.insert(0, word);
    // The server relays an edit only once it is durable: seen by the reader means committed.
    await waitForDoc(reader.doc, (doc) => draftText(doc).includes('also and resolutely Firmly Urges'));

    const { status, contentType, text } = await scrape(server.url);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, 'resolutions_open_connections', { transport: 'yjs' })).toBe(2);
    expect(sample(text, 'resolutions_open_connections', { transport: 'socketio' })).toBe(1);
    expect(sample(text, 'resolutions_open_drafts')).toBe(1);
    expect(sample(text, 'resolutions_yjs_updates_total')).toBeGreaterThanOrEqual(updatesBefore + 3);
    expect(sample(text, 'resolutions_persistence_commit_seconds_count')).toBeGreaterThan(commitsBefore);
    expect(sample(text, 'resolutions_persistence_commit_seconds_sum')).toBeGreaterThan(0);
    expect(sample(text, 'resolutions_persistence_queue_updates')).toBe(0);
    expect(sample(text, 'resolutions_persistence_commit_failures_total')).toBe(0);
    // prom-client's process metrics, from this server's own registry.
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
    // Multi-instance figures only where Redis is configured.
    expect(text).not.toContain('resolutions_redis_up');
    expect(text).not.toContain('resolutions_relay_latency_seconds');
    for (const secret of [draftId, 'kazakhstan', 'eu', 'usa']) expect(text).not.toMatch(new RegExp(`"${secret}"`));
  });

  it('counts websocket closes by code, and a code chosen by the client as "other"', async () => {
    const refused = openRawYjs(server.wsUrl, draftId, 'not-a-token');
    expect((await refused.closed).code).toBe(CloseCode.Unauthorized);
    const chosen = openRawYjs(server.wsUrl, draftId, (await server.login('eu')).token);
    await chosen.firstMessage;
    chosen.ws.close(4321, 'my own code');
    await chosen.closed;

    const text = await scrapeUntil(server.url, (t) => sample(t, 'resolutions_websocket_closes_total', { code: 'other' }) === 1);
    expect(sample(text, 'resolutions_websocket_closes_total', { code: String(CloseCode.Unauthorized) })).toBe(1);
    expect(sample(text, 'resolutions_websocket_closes_total', { code: '4321' })).toBeUndefined();
    expect(sample(text, 'resolutions_open_connections', { transport: 'yjs' })).toBe(0);
  });

  it('keeps the metrics of two servers in one process apart', async () => {
    const other = await startTestServer();
    try {
      await connect(server, 'kazakhstan');
      const [mine, theirs] = await Promise.all([scrape(server.url), scrape(other.url)]);
      expect([mine.status, theirs.status]).toEqual([200, 200]);
      expect(sample(mine.text, 'resolutions_open_connections', { transport: 'yjs' })).toBe(1);
      expect(sample(theirs.text, 'resolutions_open_connections', { transport: 'yjs' })).toBe(0);
    } finally {
      await other.stop();
    }
  });

  it('shows a write that hangs: /healthz 503 and queue depth and age while it waits, its full duration in the commit histogram once it lands', async () => {
    const store = new StoreSwitch(server.store.documents);
    try {
      const writer = await connect(server, 'kazakhstan');
      store.block();
      const attempted = store.nextAttempt();
      (findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText).insert(0, 'Firmly ');
      await attempted;
      const sumBefore = sample((await scrape(server.url)).text, 'resolutions_persistence_commit_seconds_sum') ?? 0;
      // Writes keep up as long as nothing waits past the bound: the time passing is what is awaited.
      await new Promise((resolve) => setTimeout(resolve, DURABLE_WAIT_MS));

      const health = await requestJson<{ checks: { writes: { oldestUnsavedMs: number } } }>(`${server.url}/healthz`);
      expect(health).toMatchObject({ status: 503, body: { status: 'degraded', checks: { store: { ok: true }, writes: { ok: false, unsavedUpdates: 1 } } } });
      expect(health.body.checks.writes.oldestUnsavedMs).toBeGreaterThanOrEqual(DURABLE_WAIT_MS);
      const waiting = (await scrape(server.url)).text;
      expect(sample(waiting, 'resolutions_persistence_queue_updates')).toBe(1);
      expect(sample(waiting, 'resolutions_persistence_queue_bytes')).toBeGreaterThan(0);
      expect(sample(waiting, 'resolutions_persistence_oldest_unsaved_seconds')).toBeGreaterThanOrEqual(DURABLE_WAIT_MS / 1000);

      const written = store.nextWrite();
      store.up();
      await written;
      const landed = await scrapeUntil(server.url, (t) => sample(t, 'resolutions_persistence_queue_updates') === 0);
      expect(sample(landed, 'resolutions_persistence_commit_seconds_sum')! - sumBefore).toBeGreaterThanOrEqual(DURABLE_WAIT_MS / 1000);
      expect(sample(landed, 'resolutions_persistence_oldest_unsaved_seconds')).toBe(0);
      expect((await requestJson(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      store.restore();
    }
  });
});

describe('who may read /metrics', () => {
  const TOKEN = 'scrape-token-0123456789';

  it('without METRICS_TOKEN: this host directly, not through a proxy', async () => {
    const server = await startTestServer();
    try {
      expect((await scrape(server.url)).status).toBe(200);
      const proxied = await scrape(server.url, { 'x-forwarded-for': '203.0.113.7' });
      expect(proxied.status).toBe(403);
      expect(JSON.parse(proxied.text)).toEqual({ error: expect.stringContaining('METRICS_TOKEN') });
      expect((await scrape(server.url, { forwarded: 'for=203.0.113.7' })).status).toBe(403);
    } finally {
      await server.stop();
    }
  });

  it('with METRICS_TOKEN: whoever sends it as a bearer token, and nobody else', async () => {
    const server = await startTestServer({ metricsToken: TOKEN });
    try {
      expect((await scrape(server.url)).status).toBe(401);
      expect((await scrape(server.url, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
      expect((await scrape(server.url, { authorization: TOKEN })).status).toBe(401);
      const allowed = await scrape(server.url, { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.7' });
      expect(allowed.status).toBe(200);
      expect(allowed.text).toContain('resolutions_open_drafts');
    } finally {
      await server.stop();
    }
  });
});

describe('HTTP request logs', () => {
  let logs: LogCapture;
  let server: TestServer;

  beforeAll(async () => {
    logs = new LogCapture();
    server = await startTestServer({}, logs.logger);
  });
  afterAll(() => server.stop());

  const requestLines = (entries: LogEntry[]) => entries.filter((e) => e.component === 'http' && e.req !== undefined && e.res !== undefined);

  it('logs each request under an id, echoed as x-request-id: the caller\'s when well formed, a new uuid otherwise', async () => {
    const mark = logs.mark();
    const traced = await fetch(`${server.url}/api/drafts`, { headers: { 'x-request-id': 'trace-42.a:b_c' } });
    expect(traced.status).toBe(401);
    expect(traced.headers.get('x-request-id')).toBe('trace-42.a:b_c');
    const lines = logs.since(mark);
    expect(requestLines(lines)).toEqual([
      expect.objectContaining({ msg: 'request completed', req: expect.objectContaining({ id: 'trace-42.a:b_c', method: 'GET', url: '/api/drafts' }), res: { statusCode: 401 } }),
    ]);
    // The error handler's line about the same request carries the same id.
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request refused', status: 401, req: expect.objectContaining({ id: 'trace-42.a:b_c' }) }));

    for (const forged of ['x'.repeat(65), 'two words', '{"level":60}', '']) {
      const response = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': forged } });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(requestLines(logs.entries).some((e) => (e.req as { id: string }).id === id)).toBe(true);
    }
    const generated = await fetch(`${server.url}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs a token or a ticket: neither the authorization header nor credential query values', async () => {
    const { token } = await server.login('kazakhstan');
    const draftId = await server.demoDraftId();
    const { ticket } = (await requestJson<{ ticket: string }>(`${server.url}/api/drafts/${draftId}/ticket`, { token, method: 'POST' })).body;
    expect(ticket).toEqual(expect.any(String));
    const mark = logs.mark();

    await requestJson(`${server.url}/api/drafts?token=${token}&ticket=${ticket}&view=all`, { token });
    await requestJson(`${server.url}/api/no-such-route?access_token=${token}`, { token });
    const logged = JSON.stringify(logs.since(mark));

    expect(logged).not.toContain(token);
    expect(logged).not.toContain(ticket);
    expect(logged).not.toMatch(/authorization/i);
    expect(logged).toContain('/api/drafts?token=[REDACTED]&ticket=[REDACTED]&view=all');
    expect(logs.since(mark)).toContainEqual(
      expect.objectContaining({ msg: 'request refused', status: 404, req: expect.objectContaining({ url: '/api/no-such-route?access_token=[REDACTED]' }) }),
    );
  });
});

describe('/healthz with a Redis link', () => {
  it('answers 503 naming the redis check while the link is down, 200 once it is back', async () => {
    let up = true;
    const server = await startTestServer({}, undefined, { redisUp: () => up });
    try {
      const healthy = await requestJson<{ checks: Record<string, unknown> }>(`${server.url}/healthz`);
      expect(healthy).toMatchObject({ status: 200, body: { status: 'ok', checks: { redis: { ok: true }, store: { ok: true }, writes: { ok: true } } } });
      expect(sample((await scrape(server.url)).text, 'resolutions_redis_up')).toBe(1);

      up = false;
      const down = await requestJson(`${server.url}/healthz`);
      expect(down).toMatchObject({
        status: 503,
        body: { status: 'degraded', checks: { redis: { ok: false, error: 'redis unreachable' }, store: { ok: true }, writes: { ok: true } } },
      });
      expect(sample((await scrape(server.url)).text, 'resolutions_redis_up')).toBe(0);

      up = true;
      expect((await requestJson(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
