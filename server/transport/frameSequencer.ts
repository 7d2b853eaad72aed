/**
 * Runs one connection's frames one at a time, in order. Most run synchronously (no promise,
 * no microtask per frame); while one waits (a sync step 1 waiting for durability), the
 * frames after it queue behind it.
 */
export class FrameSequencer {
  private waitingFor: Promise<void> | null = null;
  private readonly backlog: Array<() => void | Promise<void>> = [];

  constructor(private readonly onError: (err: unknown) => void) {}

  run(task: () => void | Promise<void>): void {
    if (this.waitingFor) {
      this.backlog.push(task);
      return;
    }
    let pending: void | Promise<void>;
    try {
      pending = task();
    } catch (err) {
      this.onError(err);
      return;
    }
    if (!pending) return;
    this.waitingFor = pending.catch(this.onError).finally(() => {
      this.waitingFor = null;
      this.backlog.splice(0).forEach((next) => this.run(next));
    });
  }

  /** Resolves once every frame handed over so far has been handled. */
  async idle(): Promise<void> {
    while (this.waitingFor) await this.waitingFor;
  }
}
