import type { PublicUser } from '../../../shared/user';
import type { SessionRegistry } from '../../auth/sessionRegistry';
import type { DraftAccessService } from './draftAccess';
import { draftMember, type DraftMember } from './draftMember';

export interface DraftPresence {
  member: DraftMember;
  /** Stops watching the membership (the connection left the draft or closed). */
  leave: () => void;
}

/**
 * How a live connection enters a draft, on either transport: the person must be a member of the
 * draft's negotiation, and `onMembershipChanged` runs once if that membership changes while the
 * connection is in (also when it changed during this check). null for non-members and unknown drafts.
 */
export class DraftEntry {
  constructor(
    private readonly access: DraftAccessService,
    private readonly sessions: SessionRegistry,
  ) {}

  async enter(user: PublicUser, draftId: string, onMembershipChanged: () => void): Promise<DraftPresence | null> {
    const generation = this.sessions.membershipGeneration(user.id);
    const access = await this.access.accessTo(user.id, draftId);
    if (!access) return null;
    const leave = this.sessions.openInNegotiation(user.id, access.negotiationId, generation, onMembershipChanged);
    return { member: draftMember(user, access), leave };
  }
}
