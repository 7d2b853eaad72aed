import type { DraftAccess } from '../../../shared/negotiations';
import type { DraftStore, MembershipStore, NegotiationStore } from '../../store/types';

/** Answers kept before the cache starts over: a bound, not an eviction policy (answers are cheap to read again). */
const MAX_CACHED = 10_000;

/**
 * The one answer to "may this person see this draft, and as what": the member's role and
 * delegation in the negotiation that holds the draft, or null (not a member, or no such draft:
 * callers answer both the same way, so nobody learns that a draft exists). REST, the Yjs
 * channel and socket.io all ask here. Only positive answers are cached, and forget() drops a
 * person's answers when their memberships change.
 */
export class DraftAccessService {
  private readonly cache = new Map<string, DraftAccess>();
  /** Bumped by forget(): an answer read across a change is returned but not kept. */
  private readonly epochs = new Map<string, number>();

  constructor(
    private readonly drafts: DraftStore,
    private readonly negotiations: NegotiationStore,
    private readonly memberships: MembershipStore,
  ) {}

  async accessTo(userId: string, draftId: string): Promise<DraftAccess | null> {
    const key = `${userId} ${draftId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const epoch = this.epochs.get(userId) ?? 0;
    const draft = await this.drafts.get(draftId);
    if (!draft) return null;
    const [membership, negotiation] = await Promise.all([
      this.memberships.get(draft.negotiationId, userId),
      this.negotiations.get(draft.negotiationId),
    ]);
    if (!membership || !negotiation) return null;
    const access: DraftAccess = {
      negotiationId: negotiation.id,
      negotiationName: negotiation.name,
      role: membership.role,
      delegation: membership.delegation,
    };
    if ((this.epochs.get(userId) ?? 0) !== epoch) return access;
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, access);
    return access;
  }

  /** Drops what is known of a person's access (their membership changed). */
  forget(userId: string): void {
    this.epochs.set(userId, (this.epochs.get(userId) ?? 0) + 1);
    for (const key of this.cache.keys()) if (key.startsWith(`${userId} `)) this.cache.delete(key);
  }
}
