import { z } from 'zod';

/** A valid IANA time zone name ("America/New_York"), as the runtime knows them. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** POST /api/drafts/:id/silence: the deadline with an explicit offset, and the zone it is shown in. */
export const StartSilenceRequest = z.object({
  until: z.string().datetime({ offset: true }),
  zone: z.string().min(1).max(64).refine(isTimeZone, 'not a known time zone'),
});

/** POST /api/drafts/:id/silence/break */
export const BreakSilenceRequest = z.object({
  statement: z.string().trim().min(1).max(1000),
});

/** open until the deadline; then concluded (adopted when nobody broke it), or cancelled by the facilitator. */
export type SilenceState = 'open' | 'concluded' | 'cancelled';

export interface SilenceBreak {
  delegation: string;
  byUserId: string;
  byName: string;
  statement: string;
  at: string;
}

/** What everyone in the draft sees of its current or last silence procedure. */
export interface SilenceView {
  id: string;
  draftId: string;
  /** The deadline, an ISO instant (UTC). */
  until: string;
  /** The time zone the facilitator gave, for display. */
  zone: string;
  startedByName: string;
  startedAt: string;
  state: SilenceState;
  /** Set when concluded: adopted when nobody broke silence. */
  outcome: 'adopted' | 'broken' | null;
  concludedAt: string | null;
  breaks: SilenceBreak[];
}

/** The name of the version that records a concluded procedure. */
export function silenceOutcomeName(breaks: readonly SilenceBreak[]): string {
  if (breaks.length === 0) return 'Adopted under silence';
  return `Silence broken by ${[...new Set(breaks.map((entry) => entry.delegation))].join(', ')}`;
}
