import type { Node as PMNode } from 'prosemirror-model';
import type * as Y from 'yjs';
import type { z } from 'zod';
import { numberParagraphs } from '../../../shared/numbering';
import { LOCKED_STATUSES, type ParagraphStatus, type ParagraphStatusPayload, type ParagraphView } from '../../../shared/paragraphs';
import { isFacilitator } from '../../../shared/roles';
import type { StatusChangeEntry } from '../../../shared/versions';
import type { MembershipStore, ParagraphStatusRecord, ParagraphStatusStore } from '../../store/types';
import type { DraftMember } from '../access/draftMember';
import { KeyedSerializer } from '../comments/keyedSerializer';
import { DomainError } from '../domainError';
import type { LabelSource } from '../labels/paragraphLabels';
import type { ReadableDrafts } from '../readableDrafts';
import { draftNodeOf } from './draftNode';
import { paragraphViews } from './paragraphViews';

/** What the status rules need of a draft's live room: its document, and its lock on agreed paragraphs. */
export interface LockableDraft {
  readonly doc: Y.Doc;
  /** Resolves once every instance's room was sent the lock. */
  setParagraphLocked(paragraphId: string, locked: boolean): void | Promise<void>;
}

export interface LockableDrafts extends ReadableDrafts {
  withRoom<T>(draftId: string, use: (draft: LockableDraft) => T | Promise<T>): Promise<T>;
}

export interface ParagraphStatusServiceOptions {
  statuses: ParagraphStatusStore;
  memberships: MembershipStore;
  drafts: LockableDrafts;
  labels: LabelSource;
  now?: () => Date;
}

/** The paragraphs of a draft whose status is one of `wanted`. */
async function paragraphsWith(statuses: ParagraphStatusStore, draftId: string, wanted: (status: ParagraphStatus) => boolean): Promise<string[]> {
  const records = await statuses.listForDraft(draftId);
  return records.filter((record) => wanted(record.status)).map((record) => record.paragraphId);
}

/** The paragraphs a room must lock when it loads. */
export function lockedParagraphIds(statuses: ParagraphStatusStore, draftId: string): Promise<string[]> {
  return paragraphsWith(statuses, draftId, (status) => LOCKED_STATUSES.has(status));
}

/** The paragraphs marked deleted, which leave the text when the next round starts. */
export function deletedParagraphIds(statuses: ParagraphStatusStore, draftId: string): Promise<string[]> {
  return paragraphsWith(statuses, draftId, (status) => status === 'deleted');
}

/**
 * The status of each paragraph (issue 10): set by the facilitators of the draft's negotiation,
 * stored with its history, and applied to the live room's lock before the next frame.
 */
export class ParagraphStatusService {
  /** One change per draft at a time: the store's order and the room's lock agree. */
  private readonly serializer = new KeyedSerializer();

  constructor(private readonly options: ParagraphStatusServiceOptions) {}

  /** Every paragraph of the draft in document order (the caller checked the reader's access). */
  async list(draftId: string): Promise<ParagraphView[]> {
    const statuses = await this.options.statuses.listForDraft(draftId);
    return this.views(draftId, await this.options.drafts.derive(draftId, draftNodeOf), statuses);
  }

  /** Status changes made after `after` and up to `until` (ISO times, open when absent), newest first, labelled as the text stands now. */
  async changes(draftId: string, { after, until, limit }: { after?: string; until?: string; limit?: number }): Promise<StatusChangeEntry[]> {
    const records = await this.options.statuses.listForDraft(draftId);
    const changes = records
      .flatMap(({ paragraphId, history }) => history.map((change) => ({ ...change, paragraphId })))
      .filter(({ at }) => (after === undefined || at > after) && (until === undefined || at <= until))
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, limit);
    if (changes.length === 0) return [];
    const labels = await this.options.labels.labelsOf(draftId, await this.options.drafts.derive(draftId, draftNodeOf));
    return changes.map((change) => ({ ...change, label: labels.get(change.paragraphId) ?? change.paragraphId }));
  }

  async setStatus(member: DraftMember, { draftId, paragraphId, status, pending, note }: z.infer<typeof ParagraphStatusPayload>): Promise<ParagraphView> {
    if (!isFacilitator(member.role)) throw new DomainError('only a facilitator sets the status of a paragraph', 403);
    const delegations = await this.pendingDelegations(member, status, pending ?? []);
    return this.serializer.run(draftId, () =>
      this.options.drafts.withRoom(draftId, async (draft) => {
        const paragraphs = numberParagraphs(draftNodeOf(draft.doc));
        if (!paragraphs.some((paragraph) => paragraph.id === paragraphId)) throw new DomainError('no such paragraph in this draft', 404);
        const at = (this.options.now?.() ?? new Date()).toISOString();
        const record = await this.options.statuses.record(draftId, paragraphId, {
          to: status, pending: delegations, note: note || null, byUserId: member.id, byName: member.displayName, at,
        });
        await draft.setParagraphLocked(paragraphId, LOCKED_STATUSES.has(status));
        const views = await this.views(draftId, draftNodeOf(draft.doc), [record]);
        return views.find((view) => view.id === paragraphId)!;
      }),
    );
  }

  /** Delegations a paragraph waits for: only with agreed_pending, at least one, each taking part in the negotiation. */
  private async pendingDelegations(member: DraftMember, status: string, pending: string[]): Promise<string[]> {
    if (status !== 'agreed_pending') {
      if (pending.length > 0) throw new DomainError('pending delegations go only with agreed_pending');
      return [];
    }
    if (pending.length === 0) throw new DomainError('agreed_pending needs the delegations it waits for');
    const members = await this.options.memberships.listByNegotiation(member.negotiationId);
    const known = new Set(members.map((membership) => membership.delegation).filter(Boolean));
    const unknown = pending.find((delegation) => !known.has(delegation));
    if (unknown !== undefined) throw new DomainError(`"${unknown}" is not a delegation of this negotiation`);
    return [...new Set(pending)];
  }

  private async views(draftId: string, node: PMNode, statuses: readonly ParagraphStatusRecord[]): Promise<ParagraphView[]> {
    return paragraphViews(node, await this.options.labels.labelsOf(draftId, node), statuses);
  }
}
