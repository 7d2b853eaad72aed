import type { Logger } from '../logger';
import type { DocumentStore, NewUpdate, StoredUpdate } from '../store/types';

interface Pending {
  entry: NewUpdate;
  resolve: (stored: StoredUpdate) => void;
}

const MAX_RETRY_DELAY_MS = 5_000;

/**
 * Group commit: every update enqueued during one event-loop turn is appended in one
 * write. A failed write keeps the batch, in order, at the head of the queue and retries
 * with backoff; the promise of each entry resolves only once it is durable, so callers
 * relay an update to others only after that.
 */
export class PersistenceQueue {
  private pending: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  private lastDurable: Promise<unknown> = Promise.resolve();
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly onDurable: (batch: StoredUpdate[]) => void = () => {},
  ) {}

  enqueue(entry: NewUpdate): Promise<StoredUpdate> {
    const durable = new Promise<StoredUpdate>((resolve) => this.pending.push({ entry, resolve }));
    this.lastDurable = durable;
    this.schedule();
    return durable;
  }

  /** Resolves once everything enqueued before the call is durable. */
  async barrier(): Promise<void> {
    await this.lastDurable;
  }

  /** Writes what is queued (retrying as needed) and stops taking timers. */
  async close(): Promise<void> {
    await this.barrier();
    this.stopped = true;
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
    if (this.pending.length === 0) return;
    this.flushing = true;
    const batch = this.pending;
    this.pending = [];
    try {
      const stored = await this.store.append(batch.map((p) => p.entry));
      this.failures = 0;
      batch.forEach((p, i) => p.resolve(stored[i]));
      this.notifyDurable(stored);
    } catch (err) {
      this.failures += 1;
      this.pending = batch.concat(this.pending);
      this.logger.error({ err, batch: batch.length, attempt: this.failures }, 'saving updates failed; will retry');
    } finally {
      this.flushing = false;
    }
    if (this.pending.length > 0) {
      const retryDelay = this.failures === 0 ? 0 : Math.min(50 * 2 ** this.failures, MAX_RETRY_DELAY_MS);
      this.schedule(retryDelay);
    }
  }
}
