export interface CheckpointPolicy {
  /** A checkpoint is due after this long without changes. */
  quietMs: number;
  /** ...or after this many changes, whichever comes first, so long sessions are covered too. */
  everyUpdates: number;
}

/**
 * Decides when a draft deserves an automatic checkpoint: after a pause in editing, or
 * after many changes. It only keeps counters and timers; `onDue` does the work.
 */
export class CheckpointScheduler {
  private readonly pending = new Map<string, { changes: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly policy: CheckpointPolicy,
    private readonly onDue: (draftId: string) => void,
  ) {}

  noteChange(draftId: string): void {
    const entry = this.pending.get(draftId);
    if (entry) clearTimeout(entry.timer);
    const changes = (entry?.changes ?? 0) + 1;
    if (changes >= this.policy.everyUpdates) return this.fire(draftId);
    const timer = setTimeout(() => this.fire(draftId), this.policy.quietMs);
    timer.unref();
    this.pending.set(draftId, { changes, timer });
  }

  /** True when the draft changed since its last checkpoint; forgets it (the caller checkpoints now). */
  settle(draftId: string): boolean {
    const entry = this.pending.get(draftId);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.pending.delete(draftId);
    return true;
  }

  close(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private fire(draftId: string): void {
    this.settle(draftId);
    this.onDue(draftId);
  }
}
