export interface CheckpointPolicy {
  /** A checkpoint is due after this long without changes. */
  quietMs: number;
  /** ...or after this many changes, whichever comes first, so long sessions are covered too. */
  everyUpdates: number;
}

interface Pending {
  changes: number;
  lastChangeAt: number;
  timer: NodeJS.Timeout;
}

/**
 * Decides when a draft deserves an automatic checkpoint: after a pause in editing, or
 * after many changes. It only keeps counters and one timer per draft (re-armed when it
 * fires early, rather than reset on every keystroke); `onDue` does the work.
 */
export class CheckpointScheduler {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly policy: CheckpointPolicy,
    private readonly onDue: (draftId: string) => void,
  ) {}

  noteChange(draftId: string): void {
    const entry = this.pending.get(draftId);
    if (!entry) {
      this.pending.set(draftId, { changes: 1, lastChangeAt: Date.now(), timer: this.arm(draftId, this.policy.quietMs) });
      return;
    }
    entry.changes += 1;
    entry.lastChangeAt = Date.now();
    if (entry.changes >= this.policy.everyUpdates) this.fire(draftId);
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

  private arm(draftId: string, delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.check(draftId), delayMs);
    timer.unref();
    return timer;
  }

  /** The timer went off: checkpoint if editing paused long enough, otherwise wait for the rest. */
  private check(draftId: string): void {
    const entry = this.pending.get(draftId);
    if (!entry) return;
    const quietFor = Date.now() - entry.lastChangeAt;
    if (quietFor >= this.policy.quietMs) this.fire(draftId);
    else entry.timer = this.arm(draftId, this.policy.quietMs - quietFor);
  }

  private fire(draftId: string): void {
    this.settle(draftId);
    this.onDue(draftId);
  }
}
