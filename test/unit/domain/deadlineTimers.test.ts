import { DeadlineTimers } from '../../../server/domain/silence/deadlineTimers';

describe('DeadlineTimers', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-12-01T09:00:00.000Z') }));
  afterEach(() => jest.useRealTimers());

  it('fires a deadline 40 days ahead then, not when setTimeout would overflow', () => {
    const timers = new DeadlineTimers();
    const fire = jest.fn();
    const atMs = Date.now() + 40 * 24 * 3600_000;
    timers.set('s1', atMs, fire);
    jest.advanceTimersByTime(39 * 24 * 3600_000);
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(24 * 3600_000);
    expect(fire).toHaveBeenCalledTimes(1);
    expect(Date.now()).toBe(atMs);
  });

  it('fires a passed deadline at once, replaces a key, and fires nothing once cleared or closed', () => {
    const timers = new DeadlineTimers();
    const passed = jest.fn();
    const replaced = jest.fn();
    const cleared = jest.fn();
    const closed = jest.fn();
    timers.set('past', Date.now() - 1000, passed);
    timers.set('same', Date.now() + 1000, replaced);
    timers.set('same', Date.now() + 2000, passed);
    timers.set('cleared', Date.now() + 1000, cleared);
    timers.clear('cleared');
    timers.set('closed', Date.now() + 5000, closed);
    jest.advanceTimersByTime(2000);
    expect(passed).toHaveBeenCalledTimes(2);
    timers.close();
    jest.advanceTimersByTime(10_000);
    expect([replaced, cleared, closed].map((fn) => fn.mock.calls.length)).toEqual([0, 0, 0]);
  });
});
