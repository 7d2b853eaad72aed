import type { DraftMember } from '../../../server/domain/access/draftMember';
import { createLogger } from '../../../server/logger';
import { RedisLink } from '../../../server/scaleout/redisLink';
import { RedisPresenceRoster } from '../../../server/scaleout/redisPresenceRoster';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';

const member = (id: string, delegation: string): DraftMember => ({
  id,
  username: id,
  displayName: `Delegate of ${delegation}`,
  admin: false,
  negotiationId: 'n1',
  negotiationName: 'CCPCJ',
  delegation,
  role: 'delegate',
});
const kazakhstan = member('u-kz', 'Kazakhstan');
const norway = member('u-no', 'Norway');
const logger = createLogger('silent');

describe('RedisPresenceRoster: one roster per draft for every instance', () => {
  let redis: RedisUnderTest;
  const connections: RedisLink[] = [];
  const rosters: RedisPresenceRoster[] = [];
  let now: number;

  /** An instance: its own connection to Redis and its own roster. */
  const instance = async (options: { ttlMs?: number; announce?: (draftId: string) => void } = {}) => {
    const connection = await RedisLink.connect({ url: redis.url, logger });
    const roster = new RedisPresenceRoster(connection, { ttlMs: options.ttlMs ?? 30_000, announce: options.announce ?? (() => {}), logger, now: () => now });
    connections.push(connection);
    rosters.push(roster);
    return { connection, roster };
  };
  const delegations = async (roster: RedisPresenceRoster, draftId = 'd1') => (await roster.list(draftId)).map((p) => p.delegation);

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await Promise.allSettled(rosters.splice(0).map((r) => r.close()));
    await Promise.all(connections.splice(0).map((c) => c.close()));
  });
  afterAll(() => redis.stop());
  beforeEach(async () => {
    now = Date.UTC(2026, 4, 18, 10, 0, 0);
    const { connection } = await instance();
    await connection.publisher.flushAll();
  });

  it('lists the people connected to either instance, each once, from the time their first connection came', async () => {
    const a = (await instance()).roster;
    const b = (await instance()).roster;
    expect(await a.join('d1', kazakhstan, 'sa1')).toBe(true);
    now += 1_000;
    expect(await b.join('d1', norway, 'sb1')).toBe(true);
    now += 1_000;
    // Kazakhstan's second tab, on the other instance: no change, and still here since the first.
    expect(await b.join('d1', kazakhstan, 'sb2')).toBe(false);
    const people = await b.list('d1');
    expect(people.map((p) => [p.delegation, p.since])).toEqual([
      ['Kazakhstan', '2026-05-18T10:00:00.000Z'],
      ['Norway', '2026-05-18T10:00:01.000Z'],
    ]);
    expect(await a.list('d1')).toEqual(people);
    expect(await delegations(a, 'd2')).toEqual([]);
  });

  it('keeps a person while any of their connections, on any instance, is in; the last one out changes the roster', async () => {
    const a = (await instance()).roster;
    const b = (await instance()).roster;
    await a.join('d1', kazakhstan, 'sa1');
    now += 5_000;
    await b.join('d1', kazakhstan, 'sb1');
    expect(await a.leave('d1', kazakhstan.id, 'sa1')).toBe(false);
    expect((await a.list('d1')).map((p) => [p.delegation, p.since])).toEqual([['Kazakhstan', '2026-05-18T10:00:00.000Z']]);
    expect(await b.leave('d1', kazakhstan.id, 'sb1')).toBe(true);
    expect(await delegations(a)).toEqual([]);
    expect(await b.leave('d1', kazakhstan.id, 'sb1')).toBe(false);
  });

  it('removes an instance\'s entries when it closes cleanly', async () => {
    const a = (await instance()).roster;
    const b = (await instance()).roster;
    await a.join('d1', kazakhstan, 'sa1');
    await b.join('d1', norway, 'sb1');
    await a.close();
    expect(await delegations(b)).toEqual(['Norway']);
  });

  it('lets a dead instance\'s people expire, and the survivor that notices announces the change', async () => {
    now = Date.now();
    const announced: string[] = [];
    const dead = await instance({ ttlMs: 300 });
    const alive = (await instance({ ttlMs: 300, announce: (draftId) => announced.push(draftId) })).roster;
    await dead.roster.join('d1', kazakhstan, 'sa1');
    await alive.join('d1', norway, 'sb1');
    // Dies: no refresh reaches Redis any more, and nobody removes its entries.
    await dead.connection.publisher.destroy();
    // The survivor keeps refreshing its own entries, with the real clock.
    const clock = setInterval(() => (now = Date.now()), 20);
    try {
      await waitFor(async () => announced.includes('d1'));
      expect(await delegations(alive)).toEqual(['Norway']);
      // Its own entry outlived several TTLs: refreshed, not expired.
      await sleepPast(now + 600, () => now);
      expect(await delegations(alive)).toEqual(['Norway']);
    } finally {
      clearInterval(clock);
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the clock the roster reads has passed `when` (a TTL is a duration: nothing to await but time). */
async function sleepPast(when: number, clock: () => number): Promise<void> {
  await waitFor(async () => clock() > when);
}
