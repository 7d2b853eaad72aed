import type * as Y from 'yjs';
import type { OralRevision, OralRevisionInput } from '../../../shared/oralRevisions';
import { isFacilitator } from '../../../shared/roles';
import { withDeadline } from '../../deadline';
import type { MembershipStore } from '../../store/types';
import type { DraftMember } from '../access/draftMember';
import { auditBy, type AuditLog } from '../audit/auditLog';
import { KeyedSerializer } from '../comments/keyedSerializer';
import { DomainError } from '../domainError';
import type { LabelSource } from '../labels/paragraphLabels';
import type { ReadableDrafts } from '../readableDrafts';
import { paragraphElementOf, paragraphText, writeParagraphText } from './paragraphTextWriter';

/** What an oral revision needs of a draft's live room: its text, saving, and a change made in someone's name. */
export interface RevisableDraft {
  readonly doc: Y.Doc;
  captureDurableState(): Promise<unknown>;
  changeAsServer(authorId: string, change: (doc: Y.Doc) => void): void;
  isParagraphLocked(paragraphId: string): boolean;
}

export interface RevisableDrafts extends ReadableDrafts {
  withRoom<T>(draftId: string, use: (draft: RevisableDraft) => T | Promise<T>): Promise<T>;
}

export interface OralRevisionServiceOptions {
  memberships: MembershipStore;
  drafts: RevisableDrafts;
  labels: LabelSource;
  audit: AuditLog;
  /** Told of every revision once it is in the text and audited (the socket.io broadcast). */
  announce: (revision: OralRevision) => void;
  durableWaitMs: number;
  /** How many audit entries of the negotiation a read looks through. */
  readLimit?: number;
}

export const ORAL_REVISION_ACTION = 'oral-revision';

/**
 * Oral revisions (issue 10): the facilitator records a paragraph's new text as a delegation read it
 * out in the room. The server writes it in the name of that delegation's first delegate, so the
 * history attributes it to the delegation; the audit log keeps the record, facilitator included.
 */
export class OralRevisionService {
  /** One revision per draft at a time: the audit log lists them in the order they changed the text. */
  private readonly serializer = new KeyedSerializer();

  constructor(private readonly options: OralRevisionServiceOptions) {}

  async record(member: DraftMember, draftId: string, request: OralRevisionInput): Promise<OralRevision> {
    if (!isFacilitator(member.role)) throw new DomainError('only a facilitator records oral revisions', 403);
    const authorId = await this.delegateOf(member.negotiationId, request.delegation);
    return this.serializer.run(draftId, async () => {
      const revision = await this.options.drafts.withRoom(draftId, async (draft) => {
        const element = paragraphElementOf(draft.doc, request.paragraphId);
        if (!element) throw new DomainError('no such paragraph in this draft', 404);
        // A change that could not be saved must not be applied: the store takes writes first.
        await withDeadline(draft.captureDurableState(), this.options.durableWaitMs, () => new DomainError('saving is failing; no oral revision was recorded, try again later', 503));
        const labels = await this.options.labels.labelsOf(draftId, draft.doc);
        const before = paragraphText(element);
        // Checked with no wait before the change: a status set meanwhile has locked the room already.
        if (draft.isParagraphLocked(request.paragraphId)) throw new DomainError('the paragraph is agreed and locked; reopen it first', 409);
        draft.changeAsServer(authorId, () => writeParagraphText(element, request.text));
        return {
          draftId,
          paragraphId: request.paragraphId,
          label: labels.get(request.paragraphId) ?? request.paragraphId,
          delegation: request.delegation,
          before,
          after: request.text,
          byUserId: member.id,
          byName: member.displayName,
          at: new Date().toISOString(),
          note: request.note || null,
        } satisfies OralRevision;
      });
      await this.options.audit.record(auditBy(member, member.negotiationId, ORAL_REVISION_ACTION, draftId, JSON.stringify(revision)));
      this.options.announce(revision);
      return revision;
    });
  }

  /** The draft's oral revisions, newest first (the caller checked the reader's access). */
  async list(member: DraftMember, draftId: string): Promise<OralRevision[]> {
    const entries = await this.options.audit.list(member.negotiationId, this.options.readLimit ?? 1000);
    return entries
      .filter((entry) => entry.action === ORAL_REVISION_ACTION && entry.target === draftId)
      .map((entry) => JSON.parse(entry.detail) as OralRevision);
  }

  /** The delegation's first delegate, in whose name the text changes; a delegation outside the negotiation is refused. */
  private async delegateOf(negotiationId: string, delegation: string): Promise<string> {
    const members = await this.options.memberships.listByNegotiation(negotiationId);
    const delegate = members.find((membership) => membership.role === 'delegate' && membership.delegation === delegation);
    if (!delegate) throw new DomainError(`"${delegation}" is not a delegation taking part in this negotiation`);
    return delegate.userId;
  }
}
