/**
 * How many heavy reads each user has running, capped: a user (or a script with one user's
 * token) cannot queue dozens of history reads that everyone else then waits behind.
 */
export class ConcurrentReads {
  private readonly running = new Map<string, number>();

  constructor(private readonly perUser: number) {}

  /** A release function when the user is below the cap, null when they are at it. */
  tryStart(userId: string): (() => void) | null {
    const count = this.running.get(userId) ?? 0;
    if (count >= this.perUser) return null;
    this.running.set(userId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left === 0) this.running.delete(userId);
      else this.running.set(userId, left);
    };
  }
}
