import { FrameRateLimiter } from '../../../server/transport/frameRateLimiter';

describe('FrameRateLimiter', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2026, 4, 18) }));
  afterEach(() => jest.useRealTimers());

  /** How many frames in a row the limiter lets through right now (stops at `max`). */
  const burst = (limiter: FrameRateLimiter, max = 1000) => {
    let taken = 0;
    while (taken < max && limiter.take()) taken += 1;
    return taken;
  };

  it('lets a burst of perSecond frames through at once, then refuses', () => {
    const limiter = new FrameRateLimiter(10);
    expect(burst(limiter)).toBe(10);
    expect(limiter.take()).toBe(false);
  });

  it('refills continuously: one frame per 1/perSecond of a second', () => {
    const limiter = new FrameRateLimiter(10);
    burst(limiter);
    jest.advanceTimersByTime(99);
    expect(limiter.take()).toBe(false);
    jest.advanceTimersByTime(1);
    expect(burst(limiter)).toBe(1);
    jest.advanceTimersByTime(500);
    expect(burst(limiter)).toBe(5);
  });

  it('never saves up more than perSecond, however long the connection was quiet', () => {
    const limiter = new FrameRateLimiter(10);
    jest.advanceTimersByTime(60_000);
    expect(burst(limiter)).toBe(10);
  });

  it('allows a steady perSecond rate indefinitely', () => {
    const limiter = new FrameRateLimiter(20);
    burst(limiter);
    for (let i = 0; i < 200; i++) {
      jest.advanceTimersByTime(50);
      expect(limiter.take()).toBe(true);
    }
  });
});
