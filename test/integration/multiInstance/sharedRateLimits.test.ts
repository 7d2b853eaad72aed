import { requestJson } from '../../helpers/http';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';
import { startTestServer, type TestServer } from '../../helpers/testServer';

const FAILURES_PER_ACCOUNT = 4;
const DRAFTS_PER_HOUR = 2;

/**
 * Behind a load balancer with no sticky sessions a client's requests land on every instance in
 * turn: a limit counted per instance would let it try (instances x limit) passwords. These
 * limits are counted in Redis, and on each instance alone while Redis is away.
 */
describe('several instances: rate limits shared through Redis', () => {
  let redis: RedisUnderTest;
  let a: TestServer;
  let b: TestServer;

  const limits = { loginFailuresPerAccount: FAILURES_PER_ACCOUNT, draftsPerHour: DRAFTS_PER_HOUR };
  const wrongPassword = (server: TestServer, username: string) =>
    requestJson(`${server.url}/api/login`, { json: { username, password: 'not the password' } }).then((r) => r.status);
  const createDraft = async (server: TestServer, token: string, title: string) =>
    (await requestJson(`${server.url}/api/drafts`, { json: { title }, token })).status;

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestServer({ redisUrl: redis.url, ...limits });
    b = await startTestServer({ redisUrl: redis.url, dataDir: a.dataDir, ...limits });
  });
  afterAll(async () => {
    await b?.close();
    await a?.stop();
    await redis?.stop();
  });

  it('counts failed sign-ins for one account across the instances', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < FAILURES_PER_ACCOUNT; attempt++) statuses.push(await wrongPassword(attempt % 2 === 0 ? a : b, 'eu'));
    expect(statuses).toEqual(Array(FAILURES_PER_ACCOUNT).fill(401));
    // Counted per instance, each would still allow two more.
    expect(await wrongPassword(a, 'eu')).toBe(429);
    expect(await wrongPassword(b, 'eu')).toBe(429);
    // Another account from the same address is not locked out by that one.
    expect(await wrongPassword(b, 'kazakhstan')).toBe(401);
  });

  it('counts the drafts one account creates per hour across the instances', async () => {
    const { token } = await a.login('chair');
    expect(await createDraft(a, token, 'Draft one')).toBe(201);
    expect(await createDraft(b, token, 'Draft two')).toBe(201);
    expect(await createDraft(a, token, 'Draft three')).toBe(429);
    expect(await createDraft(b, token, 'Draft three')).toBe(429);
  });

  it('while Redis is away, counts on each instance alone: neither open to everyone nor closed to everyone', async () => {
    const down = new Promise<void>((resolve) => a.redis!.onDown(resolve));
    await redis.stop();
    await down;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= FAILURES_PER_ACCOUNT; attempt++) statuses.push(await wrongPassword(a, 'brazil'));
    expect(statuses).toEqual([...Array(FAILURES_PER_ACCOUNT).fill(401), 429]);
    expect((await requestJson(`${a.url}/api/login`, { json: { username: 'nigeria', password: 'negotiate' } })).status).toBe(200);

    // Shared again once Redis is back: B has not counted this account's failures yet, Redis now does.
    const up = Promise.all([a, b].map((server) => new Promise<void>((resolve) => server.redis!.onUp(resolve))));
    redis = await startRedis(redis.port);
    await up;
    for (let attempt = 0; attempt < FAILURES_PER_ACCOUNT; attempt++) expect(await wrongPassword(attempt % 2 === 0 ? a : b, 'belarus')).toBe(401);
    expect(await wrongPassword(b, 'belarus')).toBe(429);
  }, 20_000);
});
