import type { z } from 'zod';
import type { CommentChange, CommentChanged, CommentCreatePayload, CommentEditPayload, CommentRefPayload, CommentReplyPayload, ThreadCreated } from './comments';
import type { DraftAccess } from './negotiations';
import type { ParagraphStatusPayload, ParagraphView } from './paragraphs';
import type { PresenceRoster } from './presence';
import type { ProjectorFocus, ProjectorFocusPayload } from './projector';
import type { SponsorsView } from './sponsors';
import type { SilenceView } from './silence';
import type { OralRevision } from './oralRevisions';
import type { DraftEditingView, ProposalAcceptPayload, ProposalAck, ProposalCreatePayload, ProposalEditPayload, ProposalRefPayload, ProposalRejectPayload, ProposalView } from './proposals';
import type { VersionSummary } from './versions';

/**
 * Every acknowledgement has this shape: success with a payload, or a readable error
 * (with `retryAfterMs` when the sender's event budget is spent).
 */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string; retryAfterMs?: number };
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;

export interface DraftRef {
  draftId: string;
}

/** Events a client emits; each is acknowledged. */
export interface ClientToServerEvents {
  'draft:join': (payload: DraftRef, ack: AckCallback<{ access: DraftAccess }>) => void;
  'draft:leave': (payload: DraftRef, ack: AckCallback) => void;
  'comment:create': (payload: z.input<typeof CommentCreatePayload>, ack: AckCallback<CommentAck>) => void;
  'comment:reply': (payload: z.input<typeof CommentReplyPayload>, ack: AckCallback<CommentAck>) => void;
  'comment:edit': (payload: z.input<typeof CommentEditPayload>, ack: AckCallback<CommentAck>) => void;
  'comment:delete': (payload: z.input<typeof CommentRefPayload>, ack: AckCallback<CommentAck>) => void;
  'comment:resolve': (payload: z.input<typeof CommentRefPayload>, ack: AckCallback<CommentAck>) => void;
  'comment:reopen': (payload: z.input<typeof CommentRefPayload>, ack: AckCallback<CommentAck>) => void;
  'paragraph:status': (payload: z.input<typeof ParagraphStatusPayload>, ack: AckCallback<{ paragraph: ParagraphView }>) => void;
  'proposal:create': (payload: z.input<typeof ProposalCreatePayload>, ack: AckCallback<ProposalAck>) => void;
  'proposal:edit': (payload: z.input<typeof ProposalEditPayload>, ack: AckCallback<ProposalAck>) => void;
  'proposal:support': (payload: z.input<typeof ProposalRefPayload>, ack: AckCallback<ProposalAck>) => void;
  'proposal:object': (payload: z.input<typeof ProposalRefPayload>, ack: AckCallback<ProposalAck>) => void;
  /** Takes back the caller's delegation's support or objection. */
  'proposal:abstain': (payload: z.input<typeof ProposalRefPayload>, ack: AckCallback<ProposalAck>) => void;
  'proposal:withdraw': (payload: z.input<typeof ProposalRefPayload>, ack: AckCallback<ProposalAck>) => void;
  'proposal:accept': (payload: z.input<typeof ProposalAcceptPayload>, ack: AckCallback<ProposalAck>) => void;
  'proposal:reject': (payload: z.input<typeof ProposalRejectPayload>, ack: AckCallback<ProposalAck>) => void;
  /** A facilitator sets the paragraph under discussion (null: none). */
  'projector:focus': (payload: z.input<typeof ProjectorFocusPayload>, ack: AckCallback<{ focus: ProjectorFocus }>) => void;
}

/** What a comment event acknowledges: the same change the draft's room hears. */
export type CommentAck = CommentChange;

/** Events the server broadcasts to a draft's room. */
export interface ServerToClientEvents {
  presence: (roster: PresenceRoster) => void;
  'comment:created': (change: ThreadCreated) => void;
  'comment:updated': (change: CommentChanged) => void;
  'paragraph:updated': (paragraph: ParagraphView) => void;
  'sponsors:updated': (sponsors: SponsorsView) => void;
  /** A version was made: a checkpoint, a named version, a round, or a restore that changed the text. */
  'version:created': (version: VersionSummary) => void;
  /** A draft's silence procedure started, was broken, concluded or cancelled. */
  'silence:updated': (silence: SilenceView) => void;
  /** A facilitator recorded an oral revision: a paragraph's new text, in a delegation's name. */
  'oral-revision:recorded': (revision: OralRevision) => void;
  'proposal:created': (proposal: ProposalView) => void;
  /** A proposal changed: edited, supported, objected, withdrawn, accepted, rejected or superseded. */
  'proposal:updated': (proposal: ProposalView) => void;
  /** The facilitator switched the draft between direct edits and proposals only (for delegates). */
  'draft:editing': (view: DraftEditingView) => void;
  /** The paragraph under discussion changed; also sent to each connection that joins while one is set. */
  'projector:focused': (focus: ProjectorFocus) => void;
  /** Sent to one connection just before the server disconnects it because its access ended. */
  'session:ended': (payload: { reason: SessionEndReason; negotiationId?: string }) => void;
}

/** Why the server ended a live connection: sign in again to continue. */
export type SessionEndReason = 'expired' | 'account-removed' | 'membership-changed';

/** Reasons socket.io connections are refused at the handshake (connect_error message). */
export const ConnectError = {
  Unauthorized: 'unauthorized',
  /** The server could not check the token (store unavailable); try again later. */
  Unavailable: 'unavailable',
} as const;
