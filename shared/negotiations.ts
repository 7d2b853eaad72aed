import type { DraftSummary } from './drafts';
import type { Role } from './roles';

export interface NegotiationSummary {
  id: string;
  name: string;
  /** body: "CCPCJ 35th session, Committee of the Whole" */
  body: string;
  /** ISO dates (YYYY-MM-DD) or null */
  startsOn: string | null;
  endsOn: string | null;
  /** The caller's membership, null for an administrator who is not a member. */
  me: { role: Role; delegation: string } | null;
}

export interface Member {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  delegation: string;
  addedAt: string;
  addedBy: string;
}

export interface NegotiationDetail {
  negotiation: NegotiationSummary;
  members: Member[];
  drafts: DraftSummary[];
}

/** What the caller may do in one draft: its negotiation and the caller's role and delegation there. */
export interface DraftAccess {
  negotiationId: string;
  negotiationName: string;
  role: Role;
  delegation: string;
}

export type CommentVisibility = 'all' | 'delegation' | 'facilitators';
