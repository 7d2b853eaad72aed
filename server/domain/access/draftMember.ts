import type { DraftAccess } from '../../../shared/negotiations';
import type { PublicUser } from '../../../shared/user';

/** A person as they act in one draft: who they are, and their role and delegation in its negotiation. */
export type DraftMember = PublicUser & DraftAccess;

/** What the person may do in the draft, without who they are (what clients are told). */
export function accessOf({ negotiationId, negotiationName, role, delegation }: DraftMember): DraftAccess {
  return { negotiationId, negotiationName, role, delegation };
}

export function draftMember(user: PublicUser, access: DraftAccess): DraftMember {
  return { ...user, ...access };
}
