import { randomUUID } from 'node:crypto';
import { withDeadline } from '../deadline';
import type { Logger } from '../logger';
import type { DocumentStore, NewUpdate, StoredUpdate } from '../store/types';
import { UnavailableError } from './unavailableError';

interface Pending {
  entry: NewUpdate;
  enqueuedAt: number;
  resolve: (stored: StoredUpdate) => void;
}

export interface PersistenceLimits {
  /** Bytes of accepted but unwritten updates past which the queue reports itself overloaded. */
  maxUnsavedBytes: number;
  /** How long boundedBarrier() waits before giving up. */
  maxWaitMs: number;
  /** Told once each time the backlog reaches maxUnsavedBytes (writers should stop). */
  onOverloaded?: () => void;
  now?: () => number;
}

/** What the queue knows about the health of writing (for /healthz). */
export interface PersistenceHealth {
  /** Writes that failed in a row; 0 once one succeeds. */
  consecutiveFailures: number;
  unsavedUpdates: number;
  unsavedBytes: number;
  /** Age of the oldest update not yet written, null when everything is written. */
  oldestUnsavedMs: number | null;
  /** The backlog reached its cap: no client edits are accepted until it drains. */
  overloaded: boolean;
}

const MAX_RETRY_DELAY_MS = 5_000;
/** One author may hold at most this share of the backlog: a flooding client is sent away before it stops everyone. */
const AUTHOR_SHARE = 1 / 4;
const UNLIMITED: PersistenceLimits = { maxUnsavedBytes: Infinity, maxWaitMs: Infinity };

/**
 * Group commit: every update enqueued during one event-loop turn is appended in one
 * write. A failed write is retried with backoff as the same batch under the same batch id
 * before anything enqueued since, so a write whose outcome was unknown (it may have been
 * stored) is not stored twice; the promise of each entry resolves only once it is durable,
 * so callers relay an update to others only after that.
 *
 * Nothing enqueued is ever dropped. The backlog is bounded by its callers instead: they ask
 * `accepts(author)` before taking a client's edit, and are told when the queue is overloaded.
 */
export class PersistenceQueue {
  private pending: Pending[] = [];
  /** The batch being written, still unsaved until the store answers; kept with its id until it is saved. */
  private writing: Pending[] = [];
  private writingId: string | null = null;
  private flushing = false;
  private scheduled = false;
  private lastDurable: Promise<unknown> = Promise.resolve();
  private failures = 0;
  private unsavedBytes = 0;
  private readonly unsavedByAuthor = new Map<string, number>();
  private wasOverloaded = false;
  private stopped = false;
  private readonly now: () => number;

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly onDurable: (batch: StoredUpdate[]) => void = () => {},
    private readonly limits: PersistenceLimits = UNLIMITED,
  ) {
    this.now = limits.now ?? Date.now;
  }

  enqueue(entry: NewUpdate): Promise<StoredUpdate> {
    const durable = new Promise<StoredUpdate>((resolve) => this.pending.push({ entry, enqueuedAt: this.now(), resolve }));
    this.lastDurable = durable;
    this.count(entry, +1);
    this.noticeOverload();
    this.schedule();
    return durable;
  }

  /** The backlog is at its cap: accept no more client edits until it drains. */
  get overloaded(): boolean {
    return this.unsavedBytes >= this.limits.maxUnsavedBytes;
  }

  /** Whether another edit of this author may be accepted: the backlog is under its cap, and so is the author's share of it. */
  accepts(authorId: string): boolean {
    const share = this.limits.maxUnsavedBytes * AUTHOR_SHARE;
    return !this.overloaded && (this.unsavedByAuthor.get(authorId) ?? 0) < share;
  }

  health(): PersistenceHealth {
    const oldest = this.writing[0] ?? this.pending[0];
    return {
      consecutiveFailures: this.failures,
      unsavedUpdates: this.writing.length + this.pending.length,
      unsavedBytes: this.unsavedBytes,
      oldestUnsavedMs: oldest ? this.now() - oldest.enqueuedAt : null,
      overloaded: this.overloaded,
    };
  }

  /** Resolves once everything enqueued before the call is durable. */
  async barrier(): Promise<void> {
    await this.lastDurable;
  }

  /** barrier(), but rejects with UnavailableError when that takes longer than maxWaitMs. */
  boundedBarrier(): Promise<void> {
    if (this.limits.maxWaitMs === Infinity) return this.barrier();
    return withDeadline(this.barrier(), this.limits.maxWaitMs, () => new UnavailableError('saving is behind; try again later'));
  }

  /** Writes what is queued (retrying as needed) and stops taking timers. */
  async close(): Promise<void> {
    await this.barrier();
    this.stopped = true;
  }

  /** Keeps the unsaved totals, overall and per author, in step with an entry coming (+1) or going (-1). */
  private count({ authorId, update }: NewUpdate, sign: 1 | -1): void {
    this.unsavedBytes += sign * update.byteLength;
    const byAuthor = (this.unsavedByAuthor.get(authorId) ?? 0) + sign * update.byteLength;
    if (byAuthor > 0) this.unsavedByAuthor.set(authorId, byAuthor);
    else this.unsavedByAuthor.delete(authorId);
  }

  private noticeOverload(): void {
    const overloaded = this.overloaded;
    if (overloaded === this.wasOverloaded) return;
    this.wasOverloaded = overloaded;
    const { unsavedBytes, failures } = this;
    if (!overloaded) {
      this.logger.info({ unsavedBytes }, 'unsaved backlog below its cap again; accepting edits');
      return;
    }
    this.logger.error({ unsavedBytes, failures, cap: this.limits.maxUnsavedBytes }, 'unsaved backlog at its cap; refusing edits');
    try {
      this.limits.onOverloaded?.();
    } catch (err) {
      this.logger.error({ err }, 'overload listener failed');
    }
  }

  /** A failing listener must not make a written batch look unwritten (it would be written again). */
  private notifyDurable(stored: StoredUpdate[]): void {
    try {
      this.onDurable(stored);
    } catch (err) {
      this.logger.error({ err, batch: stored.length }, 'durability listener failed');
    }
  }

  private schedule(delayMs = 0): void {
    if (this.scheduled || this.flushing || this.stopped) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.flush();
    };
    if (delayMs > 0) setTimeout(run, delayMs);
    else setImmediate(run);
  }

  private async flush(): Promise<void> {
    if (this.writingId === null) {
      if (this.pending.length === 0) return;
      [this.writing, this.writingId, this.pending] = [this.pending, randomUUID(), []];
    }
    this.flushing = true;
    const batch = this.writing;
    try {
      const stored = await this.store.append(batch.map((p) => p.entry), this.writingId);
      this.failures = 0;
      [this.writing, this.writingId] = [[], null];
      batch.forEach((p) => this.count(p.entry, -1));
      this.noticeOverload();
      batch.forEach((p, i) => p.resolve(stored[i]));
      this.notifyDurable(stored);
    } catch (err) {
      this.failures += 1;
      this.logger.error({ err, batch: batch.length, attempt: this.failures }, 'saving updates failed; will retry');
    } finally {
      this.flushing = false;
    }
    if (this.writingId !== null || this.pending.length > 0) {
      const retryDelay = this.failures === 0 ? 0 : Math.min(50 * 2 ** this.failures, MAX_RETRY_DELAY_MS);
      this.schedule(retryDelay);
    }
  }
}
