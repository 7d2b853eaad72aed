import type { StatusChange } from './paragraphs';
import { z } from 'zod';
import type { DraftComparison } from './diff';
import type { OralRevision } from './oralRevisions';
import type { AcceptedProposalEntry, ProposalActivityEntry } from './proposals';
import { nameText } from './validation/names';

export const VERSION_NAME_MAX_LENGTH = 120;

export const NameVersionRequest = z.object({
  name: nameText(VERSION_NAME_MAX_LENGTH).min(1, 'a version needs a name'),
});

export const ListVersionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().max(100).optional(),
});

export const CompareQuery = z.object({
  from: z.string().min(1).max(100),
  to: z.string().min(1).max(100).default('current'),
});

/** A version in the history list (never carries the document itself). */
export interface VersionSummary {
  id: string;
  draftId: string;
  /**
   * auto: a checkpoint after a pause in editing; named: "Rev.1"; restore: an old text brought back;
   * round: the base text of a round of negotiation ("Rev.2", "second reading"), see labels.
   */
  kind: 'auto' | 'named' | 'restore' | 'round';
  name: string | null;
  createdAt: string;
  createdByName: string | null;
  seq: number;
}

export interface VersionDetail {
  version: VersionSummary;
  /** The draft as ProseMirror JSON (resolution schema). */
  doc: unknown;
  /** The draft as plain text in UN layout. */
  text: string;
}

/** Who touched one paragraph in a range of history. */
export interface ParagraphAttribution {
  paragraphId: string;
  delegations: Array<{ delegation: string; authorName: string; changes: number; firstAt: string; lastAt: string }>;
}

export interface VersionComparison extends DraftComparison {
  from: VersionSummary;
  /** null when compared with the current text. */
  to: VersionSummary | null;
  attribution: ParagraphAttribution[];
}

/** A stretch of editing by one delegation, for the activity timeline. */
export interface ActivityEntry {
  delegation: string;
  authorName: string;
  start: string;
  end: string;
  updates: number;
  /** Words written in the stretch (typed or pasted); a keystroke is not a change worth counting. */
  words: number;
}

/** A paragraph's status change as history shows it: "OP4: open -> agreed_ad_ref, by the Facilitator, 14:02". */
export interface StatusChangeEntry extends StatusChange {
  paragraphId: string;
  /** The paragraph's label now (its id when it is no longer in the text). */
  label: string;
}

/** GET /api/drafts/:id/activity: stretches of editing and status changes, each newest first. */
export interface DraftActivityResponse {
  activity: ActivityEntry[];
  statusChanges: StatusChangeEntry[];
  /** Paragraphs revised orally in the room, newest first. */
  oralRevisions: OralRevision[];
  /** Proposal events (made, supported, objected, decided), newest first. */
  proposals: ProposalActivityEntry[];
}

/** GET /api/drafts/:id/compare: the comparison, with the status changes made between its two ends. */
export type ComparisonWithStatuses = VersionComparison & {
  statusChanges: StatusChangeEntry[];
  /** Proposals accepted between the two ends, oldest first. */
  acceptedProposals: AcceptedProposalEntry[];
};
