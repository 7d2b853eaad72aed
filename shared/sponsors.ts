import { z } from 'zod';

/** What changed a draft's sponsors: the facilitator set the main sponsors, or a delegation joined or left as co-sponsor. */
export type SponsorAction = 'set-sponsors' | 'cosponsor-joined' | 'cosponsor-left';

/** One change of the lists, with the lists as they stood after it. */
export interface SponsorChange {
  action: SponsorAction;
  sponsors: string[];
  cosponsors: string[];
  byUserId: string;
  byName: string;
  at: string;
}

/** GET /api/drafts/:id/sponsors and the `sponsors:updated` event: the delegations, oldest change first. */
export interface SponsorsView {
  draftId: string;
  sponsors: string[];
  cosponsors: string[];
  history: SponsorChange[];
}

export const SetSponsorsRequest = z.object({
  sponsors: z.array(z.string().min(1).max(100)).max(50),
});

/** "Kazakhstan and Philippines", "Belarus, Kazakhstan and Nigeria". */
function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The kind of text the heading's sponsors line announces ("draft resolution", "draft decision"). */
export function draftKindOf(line: string): string {
  return /draft (resolution|decision)/i.exec(line)?.[0] ?? 'draft resolution';
}

/**
 * The heading's sponsors line as delegations read it: "Kazakhstan and Philippines: draft
 * resolution", then the co-sponsors who joined later ("; co-sponsors: Nigeria").
 */
export function sponsorsLine(sponsors: readonly string[], cosponsors: readonly string[], kind: string): string {
  const main = sponsors.length > 0 ? `${listed(sponsors)}: ${kind}` : kind[0].toUpperCase() + kind.slice(1);
  return cosponsors.length > 0 ? `${main}; co-sponsors: ${listed(cosponsors)}` : main;
}
