import type { PresenceRoster } from '../../../shared/presence';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';
import { startServerProcess, type ServerProcess } from '../../helpers/serverProcess';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';

const PRESENCE_TTL_MS = 1_500;

/** A killed instance cannot say goodbye: its people leave the roster when their entries expire. */
describe('several instances: the presence of a killed instance expires', () => {
  let redis: RedisUnderTest;
  let survivor: TestServer;
  let doomed: ServerProcess;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    survivor = await startTestServer({ redisUrl: redis.url, presenceTtlMs: PRESENCE_TTL_MS });
    doomed = await startServerProcess(survivor.dataDir, { REDIS_URL: redis.url, PRESENCE_TTL_MS: String(PRESENCE_TTL_MS) });
  }, 60_000);
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    if (doomed.child.exitCode === null && doomed.child.signalCode === null) doomed.child.kill('SIGKILL');
    await doomed.exited;
    await survivor.stop();
    await redis.stop();
  });

  it('drops the people of an instance killed with SIGKILL from the roster seen on the survivor', async () => {
    const draftId = await survivor.demoDraftId();
    const join = async (url: string, name: string) => {
      const socket = await connectSocket(url, (await survivor.login(name)).token);
      sockets.push(socket);
      expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true });
      return socket;
    };
    const delegations = (roster: PresenceRoster) => roster.people.map((p) => p.delegation).sort();
    const kz = await join(survivor.url, 'kazakhstan');
    const bothHere = nextEvent<PresenceRoster>(kz, 'presence', (r) => delegations(r).includes('European Union'));
    await join(doomed.url, 'eu');
    expect(delegations(await bothHere)).toEqual(['European Union', 'Kazakhstan']);

    const euGone = nextEvent<PresenceRoster>(kz, 'presence', (r) => !delegations(r).includes('European Union'));
    const killedAt = Date.now();
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');
    expect(delegations(await euGone)).toEqual(['Kazakhstan']);
    // Gone when its last refresh expired (at most a TTL after the kill), noticed by the survivor's next refresh.
    const after = Date.now() - killedAt;
    expect(after).toBeGreaterThanOrEqual((PRESENCE_TTL_MS * 2) / 3 - 100);
    expect(after).toBeLessThan(PRESENCE_TTL_MS * 3);
  }, 30_000);
});
