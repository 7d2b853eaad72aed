import type * as Y from 'yjs';
import { isFacilitator } from '../../../shared/roles';
import type { SponsorAction, SponsorsView } from '../../../shared/sponsors';
import type { MembershipStore, SponsorStore } from '../../store/types';
import type { DraftMember } from '../access/draftMember';
import { auditBy, type AuditLog } from '../audit/auditLog';
import { KeyedSerializer } from '../comments/keyedSerializer';
import { DomainError } from '../domainError';
import { writeSponsorsLine } from './sponsorsLineWriter';

/** What the sponsor rules need of a draft's live room: a change the server makes in someone's name. */
export interface SponsoredDraft {
  changeAsServer(authorId: string, change: (doc: Y.Doc) => void): void;
}

export interface SponsoredDrafts {
  withRoom<T>(draftId: string, use: (draft: SponsoredDraft) => T | Promise<T>): Promise<T>;
}

export interface SponsorServiceOptions {
  sponsors: SponsorStore;
  memberships: MembershipStore;
  drafts: SponsoredDrafts;
  audit: AuditLog;
  /** Told of every change once it is stored and in the text (the socket.io broadcast). */
  announce: (view: SponsorsView) => void;
  now?: () => Date;
}

const AUDIT_ACTIONS: Record<SponsorAction, string> = {
  'set-sponsors': 'sponsors-set',
  'cosponsor-joined': 'cosponsor-joined',
  'cosponsor-left': 'cosponsor-left',
};

/**
 * Sponsors and co-sponsors (issue 10) as lists of the negotiation's delegations: the facilitators
 * set the main sponsors, each delegation joins or leaves as co-sponsor itself, and the heading's
 * sponsors line is rewritten by the server to follow the lists.
 */
export class SponsorService {
  /** One change per draft at a time: the stored lists and the line in the text agree. */
  private readonly serializer = new KeyedSerializer();

  constructor(private readonly options: SponsorServiceOptions) {}

  /** The lists of a draft (the caller checked the reader's access). */
  async view(draftId: string): Promise<SponsorsView> {
    const record = await this.options.sponsors.get(draftId);
    return record ?? { draftId, sponsors: [], cosponsors: [], history: [] };
  }

  async setSponsors(member: DraftMember, draftId: string, sponsors: string[]): Promise<SponsorsView> {
    if (!isFacilitator(member.role)) throw new DomainError('only a facilitator sets the main sponsors', 403);
    const wanted = [...new Set(sponsors)];
    const known = await this.delegationsOf(member.negotiationId);
    const unknown = wanted.find((delegation) => !known.has(delegation));
    if (unknown !== undefined) throw new DomainError(`"${unknown}" is not a delegation taking part in this negotiation`);
    // A delegation becoming a main sponsor no longer co-sponsors: it appears once in the line.
    return this.change(member, draftId, 'set-sponsors', wanted.join(', '), (current) => ({
      sponsors: wanted,
      cosponsors: current.cosponsors.filter((delegation) => !wanted.includes(delegation)),
    }));
  }

  /** The caller's delegation joins as co-sponsor; joining twice changes nothing. */
  async join(member: DraftMember, draftId: string): Promise<SponsorsView> {
    const delegation = this.ownDelegation(member);
    return this.change(member, draftId, 'cosponsor-joined', delegation, (current) => {
      if (current.sponsors.includes(delegation)) throw new DomainError(`${delegation} is already a main sponsor`, 409);
      return current.cosponsors.includes(delegation) ? null : { sponsors: current.sponsors, cosponsors: [...current.cosponsors, delegation] };
    });
  }

  /** The caller's delegation withdraws its co-sponsorship; leaving twice changes nothing. */
  async leave(member: DraftMember, draftId: string): Promise<SponsorsView> {
    const delegation = this.ownDelegation(member);
    return this.change(member, draftId, 'cosponsor-left', delegation, (current) =>
      current.cosponsors.includes(delegation)
        ? { sponsors: current.sponsors, cosponsors: current.cosponsors.filter((name) => name !== delegation) }
        : null,
    );
  }

  private ownDelegation(member: DraftMember): string {
    if (member.role !== 'delegate' || !member.delegation) throw new DomainError('only a delegation co-sponsors a draft', 403);
    return member.delegation;
  }

  /** The delegations that take part (delegates'): the chair and observers sponsor nothing. */
  private async delegationsOf(negotiationId: string): Promise<Set<string>> {
    const members = await this.options.memberships.listByNegotiation(negotiationId);
    return new Set(members.filter((membership) => membership.role === 'delegate').map((membership) => membership.delegation));
  }

  /** Stores the lists `next` makes of the current ones (null: nothing to change), rewrites the line, audits and announces. */
  private change(
    member: DraftMember,
    draftId: string,
    action: SponsorAction,
    detail: string,
    next: (current: SponsorsView) => Pick<SponsorsView, 'sponsors' | 'cosponsors'> | null,
  ): Promise<SponsorsView> {
    return this.serializer.run(draftId, async () => {
      const current = await this.view(draftId);
      const lists = next(current);
      if (!lists) return current;
      const at = (this.options.now?.() ?? new Date()).toISOString();
      const record = await this.options.sponsors.record(draftId, { action, ...lists, byUserId: member.id, byName: member.displayName, at });
      await this.options.drafts.withRoom(draftId, (draft) =>
        draft.changeAsServer(member.id, (doc) => writeSponsorsLine(doc, record.sponsors, record.cosponsors)),
      );
      await this.options.audit.record(auditBy(member, member.negotiationId, AUDIT_ACTIONS[action], draftId, detail));
      this.options.announce(record);
      return record;
    });
  }
}
