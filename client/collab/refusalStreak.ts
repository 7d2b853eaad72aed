import { CloseCode } from '../../shared/closeCodes';

/** Closes that say the server would not take what this device sent (not an outage or a limit). */
const REFUSALS = new Set<number>([CloseCode.BadMessage, CloseCode.TooLarge]);
const GIVE_UP_AFTER = 3;
const WITHIN_MS = 60_000;

/**
 * Refusals are retried, because most pass (a resync, a client id claimed a moment later); but
 * an edit the server refuses every time would make the provider reconnect and be refused again
 * forever. Three refusals within a minute stop the reconnecting, so the page can say so; the
 * text stays in this device's copy of the draft.
 */
export class RefusalStreak {
  private recent: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Notes a close; true while reconnecting may still help. */
  retryAfter(code: number): boolean {
    if (!REFUSALS.has(code)) return true;
    const now = this.now();
    this.recent = this.recent.filter((at) => now - at < WITHIN_MS).concat(now);
    return this.recent.length < GIVE_UP_AFTER;
  }
}
