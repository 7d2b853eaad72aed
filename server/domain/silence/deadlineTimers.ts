/** setTimeout's longest delay (about 24.8 days); a later deadline is reached in steps. */
const LONGEST_DELAY_MS = 2 ** 31 - 1;

/**
 * One timer per key, firing at an instant, however far ahead. The timers are unref'd: a pending
 * deadline never keeps the process alive (the store keeps it, and a restart schedules it again).
 */
export class DeadlineTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `fire` at `atMs` (at once when it has passed), replacing the key's earlier timer. */
  set(key: string, atMs: number, fire: () => void): void {
    this.clear(key);
    const delay = Math.max(0, atMs - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (delay > LONGEST_DELAY_MS) this.set(key, atMs, fire);
      else fire();
    }, Math.min(delay, LONGEST_DELAY_MS));
    timer.unref();
    this.timers.set(key, timer);
  }

  clear(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
