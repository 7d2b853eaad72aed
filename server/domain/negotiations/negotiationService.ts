import { randomUUID } from 'node:crypto';
import type { DraftOutline } from '../../../shared/draftTemplate';
import type { DraftSummary } from '../../../shared/drafts';
import type { Member, NegotiationDetail, NegotiationSummary } from '../../../shared/negotiations';
import type { Role } from '../../../shared/roles';
import type { PublicUser } from '../../../shared/user';
import type { SessionRegistry } from '../../auth/sessionRegistry';
import type { Logger } from '../../logger';
import type { AuditRecord, MembershipRecord, NegotiationRecord, Store } from '../../store/types';
import type { DraftAccessService } from '../access/draftAccess';
import { mustBeAdmin } from '../access/mustBeAdmin';
import { auditBy, type AuditLog } from '../audit/auditLog';
import { KeyedSerializer } from '../comments/keyedSerializer';
import { DomainError } from '../domainError';
import type { DraftService, DraftText } from '../draftService';
import type { DraftMember } from '../access/draftMember';
import { IMPORTED_VERSION_NAME } from '../../../shared/draftImport';

export interface NewNegotiation {
  name: string;
  body: string;
  startsOn: string | null;
  endsOn: string | null;
}

/** Who sees a negotiation: its members, and administrators (who see it without a role in it). */
interface Viewer {
  negotiation: NegotiationRecord;
  membership: MembershipRecord | null;
}

const NOT_FOUND = 'no such negotiation';

/**
 * Negotiations and their membership: administrators create negotiations and appoint anyone;
 * facilitators run the membership of their own. A change to someone's membership ends their
 * connections to that negotiation's drafts at once and is written to the audit log.
 * Non-members learn nothing: every negotiation they are not in answers 404.
 */
export class NegotiationService {
  /** Membership changes of one negotiation happen one at a time, so the last facilitator cannot be removed by two calls at once. */
  private readonly perNegotiation = new KeyedSerializer();

  constructor(
    private readonly store: Pick<Store, 'negotiations' | 'memberships' | 'users'>,
    private readonly drafts: DraftService,
    private readonly access: DraftAccessService,
    private readonly sessions: SessionRegistry,
    private readonly audit: AuditLog,
    private readonly logger: Logger,
  ) {}

  /** The caller's negotiations (every one for an administrator), with the caller's role in each. */
  async listFor(user: PublicUser): Promise<NegotiationSummary[]> {
    const memberships = await this.store.memberships.listByUser(user.id);
    const mine = new Map(memberships.map((m) => [m.negotiationId, m]));
    const negotiations = await this.store.negotiations.list(user.admin ? undefined : [...mine.keys()]);
    return negotiations.map((n) => toSummary(n, mine.get(n.id) ?? null));
  }

  async create(user: PublicUser, input: NewNegotiation): Promise<NegotiationSummary> {
    mustBeAdmin(user);
    const negotiation: NegotiationRecord = { ...input, id: randomUUID(), createdAt: new Date().toISOString(), createdBy: user.id };
    await this.store.negotiations.create(negotiation);
    await this.audit.record(auditBy(user, negotiation.id, 'negotiation-created', negotiation.name));
    return toSummary(negotiation, null);
  }

  async detail(user: PublicUser, negotiationId: string): Promise<NegotiationDetail> {
    const { negotiation, membership } = await this.mustSee(user, negotiationId);
    const [members, drafts] = await Promise.all([this.members(negotiationId), this.drafts.list([negotiationId])]);
    return { negotiation: toSummary(negotiation, membership), members, drafts };
  }

  async member(user: PublicUser, negotiationId: string, userId: string): Promise<Member> {
    await this.mustSee(user, negotiationId);
    const member = (await this.members(negotiationId)).find((m) => m.userId === userId);
    if (!member) throw new DomainError('no such member', 404);
    return member;
  }

  /** Adds a member or changes their role and delegation; `added` says which. */
  /**
   * Adds or changes a member. `userRef` is an account id or a username: a facilitator adds a
   * delegation by the username it was given, without seeing the list of accounts (admins only).
   */
  async putMember(actor: PublicUser, negotiationId: string, userRef: string, place: { role: Role; delegation: string }): Promise<{ member: Member; added: boolean }> {
    await this.mustManage(actor, negotiationId);
    const account = (await this.store.users.findById(userRef)) ?? (await this.store.users.findByUsername(userRef.trim().toLowerCase()));
    if (!account) throw new DomainError('no such account', 404);
    const userId = account.id;
    return this.perNegotiation.run(negotiationId, async () => {
      const before = await this.store.memberships.get(negotiationId, userId);
      if (before?.role === place.role && before.delegation === place.delegation) {
        return { member: await this.member(actor, negotiationId, userId), added: false };
      }
      if (before?.role === 'facilitator' && place.role !== 'facilitator') await this.mustKeepAFacilitator(negotiationId);
      const outcome = await this.store.memberships.put({
        negotiationId,
        userId,
        ...place,
        addedAt: new Date().toISOString(),
        addedBy: actor.id,
      });
      if (before) this.endConnections(userId, negotiationId);
      const detail = before ? `${before.role} (${before.delegation}) -> ${place.role} (${place.delegation})` : `${place.role} (${place.delegation})`;
      await this.audit.record(auditBy(actor, negotiationId, before ? 'member-changed' : 'member-added', userId, detail));
      return { member: await this.member(actor, negotiationId, userId), added: outcome === 'added' };
    });
  }

  async removeMember(actor: PublicUser, negotiationId: string, userId: string): Promise<void> {
    await this.mustManage(actor, negotiationId);
    await this.perNegotiation.run(negotiationId, async () => {
      const before = await this.store.memberships.get(negotiationId, userId);
      if (!before) throw new DomainError('no such member', 404);
      if (before.role === 'facilitator') await this.mustKeepAFacilitator(negotiationId);
      await this.store.memberships.remove(negotiationId, userId);
      this.endConnections(userId, negotiationId);
      await this.audit.record(auditBy(actor, negotiationId, 'member-removed', userId, `${before.role} (${before.delegation})`));
    });
  }

  /** A new draft in a negotiation the caller facilitates. */
  async createDraft(user: PublicUser, negotiationId: string, outline: DraftOutline): Promise<DraftSummary> {
    return this.drafts.create(outline, await this.facilitatorOf(user, negotiationId));
  }

  /** A draft made from an imported file, its text kept as the first named version. */
  async importDraft(user: PublicUser, negotiationId: string, text: DraftText): Promise<DraftSummary> {
    return this.drafts.createFromText(text, await this.facilitatorOf(user, negotiationId), IMPORTED_VERSION_NAME);
  }

  /** The caller as a facilitator of the negotiation (who may create drafts in it); 404 for non-members, 403 for other members. */
  async facilitatorOf(user: PublicUser, negotiationId: string): Promise<DraftMember> {
    const { negotiation, membership } = await this.mustSee(user, negotiationId);
    if (membership?.role !== 'facilitator') throw new DomainError('only a facilitator of this negotiation creates drafts', 403);
    return { ...user, negotiationId, negotiationName: negotiation.name, role: membership.role, delegation: membership.delegation };
  }

  /** The negotiations a person is a member of (administrators included: they see drafts only as members). */
  async memberOf(user: PublicUser): Promise<string[]> {
    return (await this.store.memberships.listByUser(user.id)).map((m) => m.negotiationId);
  }

  /** The negotiations a person facilitates (for `POST /api/drafts` without a negotiation). */
  async facilitatedBy(user: PublicUser): Promise<string[]> {
    return (await this.store.memberships.listByUser(user.id)).filter((m) => m.role === 'facilitator').map((m) => m.negotiationId);
  }

  async auditLog(user: PublicUser, negotiationId: string, limit: number): Promise<AuditRecord[]> {
    await this.mustManage(user, negotiationId);
    return this.audit.list(negotiationId, limit);
  }

  private async members(negotiationId: string): Promise<Member[]> {
    const memberships = await this.store.memberships.listByNegotiation(negotiationId);
    const accounts = new Map((await this.store.users.list()).map((u) => [u.id, u]));
    return memberships.flatMap(({ userId, role, delegation, addedAt, addedBy }) => {
      const account = accounts.get(userId);
      // A removed account's membership is left out (accounts are removed without touching memberships).
      return account ? [{ userId, username: account.username, displayName: account.displayName, role, delegation, addedAt, addedBy }] : [];
    });
  }

  private async mustSee(user: PublicUser, negotiationId: string): Promise<Viewer> {
    const negotiation = await this.store.negotiations.get(negotiationId);
    const membership = negotiation ? await this.store.memberships.get(negotiationId, user.id) : null;
    if (!negotiation || (!membership && !user.admin)) throw new DomainError(NOT_FOUND, 404);
    return { negotiation, membership };
  }

  private async mustManage(user: PublicUser, negotiationId: string): Promise<void> {
    const { membership } = await this.mustSee(user, negotiationId);
    if (!user.admin && membership?.role !== 'facilitator') {
      throw new DomainError('only a facilitator of this negotiation or an administrator can do this', 403);
    }
  }

  private async mustKeepAFacilitator(negotiationId: string): Promise<void> {
    // Of the members whose accounts exist: a removed account chairs nothing.
    const facilitators = (await this.members(negotiationId)).filter((m) => m.role === 'facilitator');
    if (facilitators.length <= 1) throw new DomainError('a negotiation keeps at least one facilitator; appoint another first', 409);
  }

  private endConnections(userId: string, negotiationId: string): void {
    this.access.forget(userId);
    const ended = this.sessions.endMembership(userId, negotiationId);
    this.logger.info({ user: userId, negotiationId, ended }, 'membership changed; connections to its drafts ended');
  }
}

function toSummary(n: NegotiationRecord, membership: MembershipRecord | null): NegotiationSummary {
  const me = membership ? { role: membership.role, delegation: membership.delegation } : null;
  return { id: n.id, name: n.name, body: n.body, startsOn: n.startsOn, endsOn: n.endsOn, me };
}
