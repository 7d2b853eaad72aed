import { TICKET_TTL_MS, TicketsExhaustedError } from '../../../server/auth/ticketService';
import { RedisLink } from '../../../server/scaleout/redisLink';
import { RedisTickets } from '../../../server/scaleout/redisTickets';
import { createLogger } from '../../../server/logger';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';

describe('RedisTickets: Yjs tickets shared by every instance', () => {
  let redis: RedisUnderTest;
  let connection: RedisLink;
  let now: number;
  /** Two instances' views of the same Redis. */
  let onA: RedisTickets;
  let onB: RedisTickets;
  const tokenExpiresAt = () => now + 3_600_000;

  beforeAll(async () => {
    redis = await startRedis();
    connection = await RedisLink.connect({ url: redis.url, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await connection.close();
    await redis.stop();
  });
  beforeEach(async () => {
    await connection.publisher.flushAll();
    now = Date.now();
    onA = new RedisTickets(connection, () => now);
    onB = new RedisTickets(connection, () => now);
  });

  it('redeems on B a ticket issued on A, once, for the person and draft it was issued for', async () => {
    const { ticket, expiresAt } = await onA.issue('u-kz', 'd1', tokenExpiresAt());
    expect(expiresAt).toBe(now + TICKET_TTL_MS);
    expect(await onB.redeem(ticket, 'd1')).toEqual({ userId: 'u-kz', tokenExpiresAt: tokenExpiresAt() });
    expect(await onA.redeem(ticket, 'd1')).toBeNull();
    expect(await onB.redeem(ticket, 'd1')).toBeNull();
  });

  it('lets exactly one of two simultaneous redemptions on two instances through', async () => {
    const { ticket } = await onA.issue('u-kz', 'd1', tokenExpiresAt());
    const results = await Promise.all([onA.redeem(ticket, 'd1'), onB.redeem(ticket, 'd1'), onA.redeem(ticket, 'd1'), onB.redeem(ticket, 'd1')]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('refuses a ticket for another draft, and it is spent by the attempt', async () => {
    const { ticket } = await onA.issue('u-kz', 'd1', tokenExpiresAt());
    expect(await onB.redeem(ticket, 'd2')).toBeNull();
    expect(await onB.redeem(ticket, 'd1')).toBeNull();
  });

  it('refuses a ticket after 60 seconds, and one never outlives its session token', async () => {
    const { ticket } = await onA.issue('u-kz', 'd1', tokenExpiresAt());
    now += TICKET_TTL_MS;
    expect(await onB.redeem(ticket, 'd1')).toBeNull();
    const short = await onA.issue('u-kz', 'd1', now + 1_000);
    expect(short.expiresAt).toBe(now + 1_000);
    now += 1_000;
    expect(await onB.redeem(short.ticket, 'd1')).toBeNull();
  });

  it('lets Redis forget a ticket when its time is up', async () => {
    const { ticket } = await onA.issue('u-kz', 'd1', Date.now() + 50);
    const keys = await connection.publisher.keys('*ticket:*');
    expect(keys).toHaveLength(1);
    expect(await connection.publisher.pTTL(keys[0])).toBeLessThanOrEqual(50);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses forged tickets: unknown ones, and ones of another shape without a Redis lookup of their text', async () => {
    const lookups = async () => Number(/cmdstat_getdel:calls=(\d+)/.exec(await connection.publisher.info('commandstats'))?.[1] ?? 0);
    expect(await onB.redeem('A'.repeat(43), 'd1')).toBeNull();
    const before = await lookups();
    expect(before).toBeGreaterThan(0);
    for (const forged of ['made-up', '*', 'x'.repeat(10_000), `${'A'.repeat(42)}=`]) expect(await onB.redeem(forged, 'd1')).toBeNull();
    expect(await lookups()).toBe(before);
  });

  it('bounds the tickets one person may have waiting, over all instances; used and expired ones free their place', async () => {
    const issued: string[] = [];
    for (let i = 0; i < 20; i++) issued.push((await (i % 2 ? onA : onB).issue('u-kz', 'd1', tokenExpiresAt())).ticket);
    await expect(onA.issue('u-kz', 'd1', tokenExpiresAt())).rejects.toThrow(TicketsExhaustedError);
    await expect(onB.issue('u-kz', 'd1', tokenExpiresAt())).rejects.toThrow(TicketsExhaustedError);
    await expect(onB.issue('u-eu', 'd1', tokenExpiresAt())).resolves.toBeDefined();
    await onA.redeem(issued[0], 'd1');
    await expect(onB.issue('u-kz', 'd1', tokenExpiresAt())).resolves.toBeDefined();
    now += TICKET_TTL_MS;
    await expect(onA.issue('u-kz', 'd1', tokenExpiresAt())).resolves.toBeDefined();
  });
});
