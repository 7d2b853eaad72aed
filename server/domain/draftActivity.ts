import type { Logger } from '../logger';
import type { DraftStore, StoredUpdate } from '../store/types';

/**
 * Keeps each draft's "last change" time without a write per keystroke: changes are
 * noted in memory and written at most once per interval (and on close).
 */
export class DraftActivity {
  private readonly latest = new Map<string, string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly drafts: DraftStore,
    private readonly logger: Logger,
    intervalMs = 2_000,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  record(batch: StoredUpdate[]): void {
    for (const entry of batch) this.latest.set(entry.draftId, entry.at);
  }

  async flush(): Promise<void> {
    const due = [...this.latest.entries()];
    this.latest.clear();
    await Promise.all(
      due.map(([draftId, at]) =>
        this.drafts.touch(draftId, at).catch((err) => this.logger.warn({ err, draftId }, 'could not record draft activity')),
      ),
    );
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
