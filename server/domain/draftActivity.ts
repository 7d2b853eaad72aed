import type { Logger } from '../logger';
import type { DraftHeading, DraftStore, StoredUpdate } from '../store/types';

/**
 * Keeps each draft's listing in step with its text without a write per keystroke: the
 * "last change" time, and the title and symbol delegates edit in the document, are noted
 * in memory and written at most once per interval (and on close).
 */
export class DraftActivity {
  private readonly latest = new Map<string, string>();
  /** The heading last written per draft, so an unchanged one is not written again. */
  private readonly headings = new Map<string, string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly drafts: DraftStore,
    private readonly logger: Logger,
    /** The heading in a draft's live text, or null when the draft is not in memory. */
    private readonly headingOf: (draftId: string) => DraftHeading | null,
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
        this.write(draftId, at).catch((err) => this.logger.warn({ err, draftId }, 'could not record draft activity')),
      ),
    );
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(draftId: string, at: string): Promise<void> {
    await this.drafts.touch(draftId, at);
    const heading = this.headingOf(draftId);
    // An emptied title (mid-edit) keeps the last one in the list.
    if (!heading || !heading.title) return;
    const key = `${heading.title}\n${heading.symbol}`;
    if (this.headings.get(draftId) === key) return;
    await this.drafts.setHeading(draftId, heading);
    this.headings.set(draftId, key);
  }
}
