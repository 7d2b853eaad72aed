/** A count that refuses to go past its bound (connections signing in at once, for instance). */
export class BoundedCount {
  private count = 0;

  constructor(private readonly max: number) {}

  /** Counts one more, unless the bound is reached. */
  tryEnter(): boolean {
    if (this.count >= this.max) return false;
    this.count += 1;
    return true;
  }

  leave(): void {
    this.count -= 1;
  }
}
