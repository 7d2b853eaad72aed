import { z } from 'zod';
import { CommentAnchorSchema } from './comments';
import { MAX_PARAGRAPH_ID_LENGTH, MAX_SUBPARAGRAPH_LEVEL } from './schema';

/**
 * Proposals (issue 11): amendments a delegation puts to the room instead of typing into the
 * text. Server-authoritative records: the server stamps author, delegation, time and round,
 * checks every anchor against the live text, and applies an accepted proposal itself.
 */

export const PROPOSAL_KINDS = ['replace', 'insert', 'delete', 'new_paragraph', 'alternative', 'bracket'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn', 'superseded'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Kinds that point into a paragraph's text with an anchor (`insert` with a point: start === end). */
export const ANCHORED_KINDS: ReadonlySet<ProposalKind> = new Set(['replace', 'insert', 'delete', 'bracket']);
/** Kinds that carry new wording in `text`. */
export const WORDED_KINDS: ReadonlySet<ProposalKind> = new Set(['replace', 'insert', 'new_paragraph', 'alternative']);

export const PROPOSAL_TEXT_MAX_LENGTH = 4000;
export const JUSTIFICATION_MAX_LENGTH = 1000;

/**
 * Where a proposal sits in the text: the same base64 Yjs relative positions as a comment's
 * anchor (see shared/anchors.ts). For `insert` the anchor is a point: `start === end`.
 */
export const ProposalAnchorSchema = CommentAnchorSchema;
export type ProposalAnchor = z.infer<typeof ProposalAnchorSchema>;

const ProposalId = z.string().min(1).max(100);
const ParagraphId = z.string().min(1).max(MAX_PARAGRAPH_ID_LENGTH);
/** Wording as a delegation proposes it: one paragraph of plain text (no line breaks). */
const ProposalText = z
  .string()
  .max(PROPOSAL_TEXT_MAX_LENGTH, `proposed text is limited to ${PROPOSAL_TEXT_MAX_LENGTH} characters`)
  .refine((text) => !/[\n\r\u2028\u2029]/.test(text), 'proposed text is one paragraph: no line breaks');
const Justification = z.string().trim().max(JUSTIFICATION_MAX_LENGTH, `a justification is limited to ${JUSTIFICATION_MAX_LENGTH} characters`);

/** A new paragraph's place in the resolution: preambular, or operative at a sub-paragraph level. */
export const NewParagraphTypeSchema = z.enum(['preambular_paragraph', 'operative_paragraph']);
export type NewParagraphType = z.infer<typeof NewParagraphTypeSchema>;

/**
 * proposal:create. Which fields a kind needs (checked by the server, each missing one named):
 * - replace: anchor (a range), text (non-empty);   insert: anchor (a point), text (non-empty);
 * - delete, bracket: anchor (a range);
 * - new_paragraph: afterParagraphId, paragraphType, level (operative only, default 0), text (non-empty);
 * - alternative: paragraphId, text (non-empty).
 */
export const ProposalCreatePayload = z.object({
  draftId: z.string().min(1).max(100),
  kind: z.enum(PROPOSAL_KINDS),
  anchor: ProposalAnchorSchema.optional(),
  afterParagraphId: ParagraphId.optional(),
  paragraphId: ParagraphId.optional(),
  paragraphType: NewParagraphTypeSchema.optional(),
  level: z.number().int().min(0).max(MAX_SUBPARAGRAPH_LEVEL).optional(),
  text: ProposalText.optional(),
  justification: Justification.optional(),
});

/** proposal:edit: the author's delegation extends or corrects its own pending proposal (Propose mode's typing). */
export const ProposalEditPayload = z.object({
  proposalId: ProposalId,
  text: ProposalText.optional(),
  anchor: ProposalAnchorSchema.optional(),
  justification: Justification.optional(),
});

/** proposal:support, :object, :abstain, :withdraw. */
export const ProposalRefPayload = z.object({ proposalId: ProposalId });
/**
 * proposal:accept: `seen` is the revision of the proposal the facilitator's screen showed
 * (`proposalRevision`); the server refuses when it was edited after it. Old clients send none.
 */
export const ProposalAcceptPayload = ProposalRefPayload.extend({ seen: z.number().int().nonnegative().optional() });
/** proposal:reject: the facilitator may say why. */
export const ProposalRejectPayload = z.object({ proposalId: ProposalId, reason: Justification.optional() });

export const PROPOSAL_ACTIONS = ['created', 'edited', 'supported', 'objected', 'abstained', 'withdrawn', 'accepted', 'rejected', 'superseded'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/** One step of a proposal's life, stamped by the server. */
export interface ProposalEvent {
  action: ProposalAction;
  /** The acting person's delegation in the negotiation (the facilitator's for accept/reject). */
  delegation: string;
  userId: string;
  name: string;
  at: string;
  /** A rejection's reason; for `superseded`, the id of the accepted proposal that replaced it. */
  note: string | null;
}

/** What accepting wrote into the text, so the text can be traced back to the proposal. */
export interface ProposalResult {
  /** The paragraph the change landed in (the new paragraph's id for new_paragraph). */
  paragraphId: string;
  /** The Yjs ids of the items the server wrote (null when it only deleted): client id and clock range [clock, clock + length). */
  produced: { client: number; clock: number; length: number } | null;
}

/** A proposal as every member of the draft sees it (GET .../proposals, proposal:created / :updated). */
export interface ProposalView {
  id: string;
  draftId: string;
  kind: ProposalKind;
  status: ProposalStatus;
  authorId: string;
  authorName: string;
  /** The proposing delegation. */
  delegation: string;
  createdAt: string;
  updatedAt: string;
  /** The round in effect when it was made (the latest round version's name), null before any round. */
  round: string | null;
  /** The paragraph it concerns: the anchor's, the alternative's, or the one a new paragraph follows. */
  paragraphId: string;
  anchor: ProposalAnchor | null;
  text: string | null;
  paragraphType: NewParagraphType | null;
  level: number | null;
  justification: string | null;
  /** Delegations supporting / objecting (the proposing delegation is in neither). */
  supporters: string[];
  objectors: string[];
  /** Who accepted, rejected or withdrew it, and when (null while pending). */
  decidedBy: { userId: string; name: string; delegation: string; at: string } | null;
  result: ProposalResult | null;
  /** Oldest first. */
  events: ProposalEvent[];
}

/** A proposal's revision: its history is append-only, so the number of its events. */
export function proposalRevision(proposal: Pick<ProposalView, 'events'>): number {
  return proposal.events.length;
}

/** Acknowledgement of every proposal event: the proposal as changed. */
export interface ProposalAck {
  proposal: ProposalView;
}

/** GET /api/drafts/:id/proposals?status=pending|accepted|...|all (default all), oldest first. */
export interface ProposalListResponse {
  proposals: ProposalView[];
}

/** Text now in a paragraph that an accepted proposal wrote: GET /api/drafts/:id/proposals/produced?paragraphId=. */
export interface ProducedRange {
  proposalId: string;
  paragraphId: string;
  /** Offsets in the paragraph's text as it is now. */
  start: number;
  end: number;
  text: string;
}

/** A draft's editing rule for delegates (facilitators always edit directly). */
export const DraftEditingSchema = z.enum(['direct', 'proposals']);
export type DraftEditing = z.infer<typeof DraftEditingSchema>;
/** PUT /api/drafts/:id/editing */
export const DraftEditingRequest = z.object({ editing: DraftEditingSchema });
/** Broadcast `draft:editing` and the PUT's answer. */
export interface DraftEditingView {
  draftId: string;
  editing: DraftEditing;
}

/** One proposal event in the draft's activity timeline (DraftActivityResponse.proposals, newest first). */
export interface ProposalActivityEntry {
  proposalId: string;
  kind: ProposalKind;
  /** The paragraph's label now ("OP3"), or its id when it has none. */
  label: string;
  /** What the proposal does, in words ("replace “urges” with “encourages”"). */
  summary: string;
  /** The proposing delegation. */
  proposedBy: string;
  event: ProposalEvent;
}

/** An accepted proposal between the two ends of a comparison (compare attribution). */
export interface AcceptedProposalEntry {
  proposalId: string;
  label: string;
  summary: string;
  proposedBy: string;
  supporters: string[];
  acceptedBy: string;
  at: string;
}
