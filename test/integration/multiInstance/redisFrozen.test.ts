import { CloseCode } from '../../../shared/closeCodes';
import { requestJson } from '../../helpers/http';
import { sample, scrapeUntil } from '../../helpers/prometheus';
import { openRawYjs } from '../../helpers/rawSocket';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';
import { connectSocket, emitAck, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { hasAll, mark } from '../../helpers/tokenEdits';
import { within } from '../../helpers/within';
import { connectYjs, paragraphTexts, waitForDoc, type YjsClient } from '../../helpers/yjsClient';

/** Short, for quick detection (a stall of the test process does not read as a silent Redis). */
const COMMAND_TIMEOUT_MS = 1_000;
/** What a request may take while Redis is frozen: a few command timeouts, far short of a hang. */
const ANSWER_MS = 5_000;
/** Detection: the next ping plus a command timeout without its answer (1.5 timeouts), with room for a loaded machine. */
const NOTICE_MS = 8_000;
/** Back from SIGCONT: the next reconnection attempt (backoff up to 2 s) and the resync. */
const RETURN_MS = 15_000;
const FAILURES_PER_ACCOUNT = 4;

/**
 * Redis connected but silent (SIGSTOP: a slow command, a frozen host, a partition that keeps TCP
 * open): requests complete within a bounded time, by their fallback or with a 503, /healthz
 * says so, each instance keeps serving its own clients, and everything resynchronises once
 * Redis answers again (SIGCONT).
 */
describe('several instances: Redis connected but not answering', () => {
  let redis: RedisUnderTest;
  let a: TestServer;
  let b: TestServer;
  let draftId: string;
  const clients: YjsClient[] = [];
  const sockets: ClientSocket[] = [];

  const wrongPassword = (username: string) => requestJson(`${a.url}/api/login`, { json: { username, password: 'not the password' } }).then((r) => r.status);
  const connect = async (server: TestServer, username: string) => {
    const client = connectYjs(server.wsUrl, draftId, (await server.login(username)).token);
    clients.push(client);
    await client.synced;
    return client;
  };
  const setEditing = async (editing: string, token: string) =>
    (await requestJson(`${a.url}/api/drafts/${draftId}/editing`, { method: 'PUT', json: { editing }, token })).status;
  const linkUp = (server: TestServer) => new Promise<void>((resolve) => server.redis!.onUp(resolve));
  const linkDown = (server: TestServer) => new Promise<void>((resolve) => server.redis!.onDown(resolve));
  /** SIGSTOP; the answer resolves once both instances noticed that Redis is silent. */
  const freeze = () => {
    const noticed = within('both instances noticing that Redis is silent', NOTICE_MS, Promise.all([linkDown(a), linkDown(b)]));
    // Awaited by the test (or moot once it has failed).
    noticed.catch(() => {});
    redis.freeze();
    return noticed;
  };
  /** Once both instances noticed the silence: SIGCONT, then both hear Redis again. */
  const thaw = async (noticed: Promise<unknown>) => {
    await noticed;
    const up = Promise.all([linkUp(a), linkUp(b)]);
    redis.thaw();
    await within('both instances back on Redis after SIGCONT', RETURN_MS, up);
  };

  beforeAll(async () => {
    redis = await startRedis();
    // Rooms unload soon after their last client leaves: a test can open a draft afresh.
    const options = { redisUrl: redis.url, redisCommandTimeoutMs: COMMAND_TIMEOUT_MS, loginFailuresPerAccount: FAILURES_PER_ACCOUNT, idleUnloadMs: 100 };
    a = await startTestServer(options);
    b = await startTestServer({ ...options, dataDir: a.dataDir });
    draftId = await a.demoDraftId();
  });
  // Whatever happened in the test, Redis runs again before the next one (stop() thaws it too).
  afterEach(() => {
    redis.thaw();
    clients.splice(0).forEach((client) => client.destroy());
    sockets.splice(0).forEach((socket) => socket.disconnect());
  });
  afterAll(async () => {
    await b?.close();
    await a?.stop();
    await redis?.stop();
  });

  it('completes sign-ins within a bounded time, counting failures on this instance alone', async () => {
    const noticed = freeze();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= FAILURES_PER_ACCOUNT; attempt++) statuses.push(await within('a failed sign-in', ANSWER_MS, wrongPassword('brazil')));
    expect(statuses).toEqual([...Array(FAILURES_PER_ACCOUNT).fill(401), 429]);
    const signIn = requestJson(`${a.url}/api/login`, { json: { username: 'nigeria', password: 'negotiate' } });
    expect((await within('a sign-in', ANSWER_MS, signIn)).status).toBe(200);
    await thaw(noticed);
  }, 30_000);

  it('answers /healthz with 503 naming Redis within a bounded time, and 200 once Redis answers again', async () => {
    const noticed = freeze();
    await noticed;
    const health = await within('/healthz', ANSWER_MS, requestJson(`${a.url}/healthz`));
    expect(health).toMatchObject({ status: 503, body: { status: 'degraded', checks: { redis: { ok: false } } } });
    await thaw(noticed);
    expect((await requestJson(`${a.url}/healthz`)).status).toBe(200);
  }, 30_000);

  it('refuses Yjs tickets (503, 4503) and lets a delegation join a draft, within a bounded time', async () => {
    const { token } = await a.login('eu');
    const socket = await connectSocket(a.url, token);
    sockets.push(socket);
    const askTicket = () => requestJson<{ ticket: string }>(`${a.url}/api/drafts/${draftId}/ticket`, { method: 'POST', token });
    const issuedBefore = (await askTicket()).body.ticket;
    const noticed = freeze();
    const refused = openRawYjs(a.wsUrl, `${draftId}?ticket=${encodeURIComponent(issuedBefore)}`).closed;
    expect(await within('a websocket redeeming a ticket', ANSWER_MS, refused)).toMatchObject({ code: CloseCode.Unavailable });
    const ticket = await within('a ticket request', ANSWER_MS, askTicket());
    expect(ticket).toMatchObject({ status: 503, body: { error: expect.stringMatching(/shared state \(Redis\)/) } });
    // The roster is Redis' to keep: joining goes on without it.
    expect(await within('a draft join', ANSWER_MS, emitAck(socket, 'draft:join', { draftId }))).toMatchObject({ ok: true });
    await thaw(noticed);
  }, 30_000);

  it('keeps two clients on one instance co-editing, takes a rule change, and converges the other instance after SIGCONT', async () => {
    const [{ token: chair }, kz, usa, eu] = await Promise.all([a.login('chair'), connect(a, 'kazakhstan'), connect(a, 'usa'), connect(b, 'eu')]);
    mark(kz.doc, 0, 'before-kz1');
    await waitForDoc(eu.doc, hasAll(['before-kz1']));

    const noticed = freeze();
    mark(kz.doc, 0, 'frozen-kz1');
    mark(usa.doc, 1, 'frozen-usa1');
    const both = hasAll(['frozen-kz1', 'frozen-usa1']);
    await Promise.all([waitForDoc(usa.doc, both, ANSWER_MS), waitForDoc(kz.doc, both, ANSWER_MS)]);
    expect(await within('a facilitator setting proposals-only', ANSWER_MS, setEditing('proposals', chair))).toBe(200);

    await thaw(noticed);
    // B's room hears of the edits and of the rule from the resync, not from the messages it missed.
    await waitForDoc(eu.doc, both, RETURN_MS);
    mark(eu.doc, 2, 'blocked-eu1');
    await waitForDoc(eu.doc, (doc) => !paragraphTexts(doc).join('\n').includes('blocked-eu1'));
    expect(await setEditing('direct', chair)).toBe(200);
    // And the relay is live again.
    mark(eu.doc, 2, 'after-eu1');
    await waitForDoc(kz.doc, hasAll(['after-eu1']));
    expect(paragraphTexts(kz.doc)).toEqual(paragraphTexts(eu.doc));
  }, 60_000);

  it('relays a draft first opened on an instance while Redis is frozen there once Redis answers again', async () => {
    const eu = await connect(b, 'eu');
    const { token } = await a.login('kazakhstan');
    await scrapeUntil(a.url, (text) => sample(text, 'resolutions_open_drafts') === 0);
    const noticed = freeze();
    // Loading, the room subscribes to the draft's channel: a subscription the silence cuts off.
    const kz = connectYjs(a.wsUrl, draftId, token);
    clients.push(kz);
    await kz.synced;
    await thaw(noticed);
    mark(eu.doc, 0, 'after-thaw-eu1');
    await waitForDoc(kz.doc, hasAll(['after-thaw-eu1']));
  }, 60_000);
});
