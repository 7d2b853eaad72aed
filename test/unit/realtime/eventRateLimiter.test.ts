import { EventRateLimiter, type EventVerdict } from '../../../server/realtime/eventRateLimiter';

describe('EventRateLimiter', () => {
  let now = 0;
  const limiter = (burst = 20, perSecond = 5, refusals = 10) =>
    new EventRateLimiter({ socketEventBurst: burst, socketEventsPerSecond: perSecond, socketRefusalsBeforeDisconnect: refusals }, () => now);
  const takeMany = (limits: EventRateLimiter, user: string, count: number): EventVerdict[] =>
    Array.from({ length: count }, () => limits.take(user));
  const allowed = (verdicts: EventVerdict[]) => verdicts.filter((v) => v.allowed).length;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows a burst, then refuses with the time until the next event is allowed', () => {
    const limits = limiter(20, 5);
    expect(allowed(takeMany(limits, 'kz', 20))).toBe(20);
    expect(limits.take('kz')).toEqual({ allowed: false, retryAfterMs: 200, firstRefusal: true, flooding: false });
    now += 150;
    expect(limits.take('kz')).toMatchObject({ allowed: false, retryAfterMs: 50 });
  });

  it('refills at the sustained rate, never beyond the burst', () => {
    const limits = limiter(20, 5);
    takeMany(limits, 'kz', 20);
    now += 1000;
    expect(allowed(takeMany(limits, 'kz', 10))).toBe(5);
    now += 60_000;
    expect(allowed(takeMany(limits, 'kz', 30))).toBe(20);
  });

  it('allows a steady sustained rate indefinitely', () => {
    const limits = limiter(20, 5);
    takeMany(limits, 'kz', 20);
    for (let i = 0; i < 100; i++) {
      now += 200;
      expect(limits.take('kz').allowed).toBe(true);
    }
  });

  it('gives every user a budget of its own', () => {
    const limits = limiter(3, 1);
    expect(allowed(takeMany(limits, 'kz', 5))).toBe(3);
    expect(allowed(takeMany(limits, 'eu', 5))).toBe(3);
  });

  it('marks only the first refusal of a run, and again after an allowed event', () => {
    const limits = limiter(1, 1);
    limits.take('kz');
    const firsts = () => takeMany(limits, 'kz', 3).map((v) => !v.allowed && v.firstRefusal);
    expect(firsts()).toEqual([true, false, false]);
    now += 1000;
    expect(limits.take('kz').allowed).toBe(true);
    expect(firsts()).toEqual([true, false, false]);
  });

  it('calls a user flooding once its refusals outrun one forgiven per second', () => {
    const limits = limiter(1, 1, 10);
    limits.take('kz');
    const refused = takeMany(limits, 'kz', 11);
    expect(refused.slice(0, 10).every((v) => !v.allowed && !v.flooding)).toBe(true);
    expect(refused[10]).toMatchObject({ allowed: false, flooding: true });
    // A pause forgives: the next refusals are not flooding.
    now += 5000;
    takeMany(limits, 'kz', 5);
    expect(limits.take('kz')).toMatchObject({ allowed: false, flooding: false });
  });
});
