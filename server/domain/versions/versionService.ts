import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import type * as Y from 'yjs';
import { isFacilitator } from '../../../shared/roles';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../../shared/schema';
import type { DraftAuthors } from '../access/draftAuthors';
import type { DraftMember } from '../access/draftMember';
import { auditBy, type AuditLog } from '../audit/auditLog';
import type { ActivityEntry, VersionComparison, VersionDetail, VersionSummary } from '../../../shared/versions';
import { VersionNameTakenError, type DocumentStore, type VersionCreateOptions, type VersionKind, type VersionMeta, type VersionRecord, type VersionStore } from '../../store/types';
import { versionNameKey } from '../../store/versionNameKey';
import { withDeadline } from '../../deadline';
import { restoredName } from '../../../shared/restoredName';
import { DomainError } from '../domainError';
import { groupActivity } from './groupActivity';
import { compareStates, openState } from './historyReads';
import type { HistoryWorkers } from './historyWorkers';
import { newVersion } from './newVersion';
import { refuseDamaged } from './refuseDamaged';
import type { LiveDraft, LiveDrafts } from './liveDraft';
import { stateToDoc } from './stateToDoc';

export interface VersionServiceOptions {
  /** Automatic checkpoints kept per draft; named versions and restores are never pruned. */
  keepAuto: number;
  /** Longest wait for pending edits to be saved before naming a version gives up (503). */
  durableWaitMs: number;
  /** Tells the draft's open browsers of a new version: their History stays live, a restore is announced. */
  announce?: (version: VersionSummary) => void;
}

/** What a new version records besides the draft's state. */
interface VersionToRecord {
  kind: VersionKind;
  name: string | null;
  user: DraftMember | null;
}

/** Version history: checkpoints, named versions, compare with attribution, restore. */
export class VersionService {
  constructor(
    private readonly versions: VersionStore,
    private readonly documents: DocumentStore,
    private readonly authorsOf: DraftAuthors,
    private readonly live: LiveDrafts,
    private readonly options: VersionServiceOptions,
    /** Decoding, diffing and replaying run here, off the event loop. */
    private readonly history: HistoryWorkers,
    /** Naming and restoring are recorded in the negotiation's audit log. */
    private readonly audit: AuditLog,
  ) {}

  /** Records the live state of a draft. An automatic checkpoint is skipped when nothing changed. */
  async checkpoint(draft: LiveDraft, kind: VersionKind = 'auto', name: string | null = null, user: DraftMember | null = null): Promise<VersionMeta | null> {
    return this.record(draft, { kind, name, user });
  }

  private async record(draft: LiveDraft, { kind, name, user }: VersionToRecord, options: VersionCreateOptions = {}): Promise<VersionMeta | null> {
    const { state, seq } = await this.capture(draft, kind);
    if (kind === 'auto' && (await this.versions.latest(draft.draftId))?.seq === seq) return null;
    const record = newVersion({ draftId: draft.draftId, kind, name, author: user, state, seq });
    await this.versions.create(record, options);
    if (kind === 'auto') await this.versions.pruneAuto(draft.draftId, this.options.keepAuto);
    this.options.announce?.(toSummary(record));
    return record;
  }

  async nameVersion(draftId: string, name: string, user: DraftMember): Promise<VersionSummary> {
    if (!isFacilitator(user.role)) throw new DomainError('only the facilitator names versions', 403);
    const meta = await this.live.withRoom(draftId, async (draft) => {
      await this.refuseTakenName(draftId, name);
      // Two requests with one name (on this instance or two) may both pass the check: the store takes the first.
      return this.record(draft, { kind: 'named', name, user }, { uniqueName: true }).catch((error: unknown) => {
        throw error instanceof VersionNameTakenError ? nameTaken(name) : error;
      });
    });
    await this.audit.record(auditBy(user, user.negotiationId, 'version-named', draftId, name));
    return toSummary(meta!);
  }

  /**
   * Two versions with one name would make "compare Rev.2 with Rev.2" ambiguous: a name is used once
   * per draft, also the name of a restore or a round (which the store's unique key does not cover).
   */
  private async refuseTakenName(draftId: string, name: string): Promise<void> {
    const key = versionNameKey(name);
    const taken = (await this.versions.list(draftId)).some((v) => v.kind !== 'auto' && v.name !== null && versionNameKey(v.name) === key);
    if (taken) throw nameTaken(name);
  }

  async list(draftId: string, limit: number, before?: string): Promise<VersionSummary[]> {
    return (await this.versions.list(draftId, { limit, before })).map(toSummary);
  }

  async get(draftId: string, versionId: string): Promise<VersionDetail> {
    return this.history.run(async (call) => {
      const version = await this.mustGet(draftId, versionId);
      return { version: toSummary(version), ...(await openState(call, version.state)) };
    });
  }

  /**
   * Paragraph-aligned diff of two versions (or a version and the current text) and who made the
   * changes. All of it runs while holding a history worker, so however many compares are asked
   * for, only as many as there are workers read states and the log on the event loop at once.
   */
  async compare(draftId: string, fromId: string, toId: string): Promise<VersionComparison> {
    return this.history.run(async (call) => {
      const from = await this.mustGet(draftId, fromId);
      const to = toId === 'current' ? null : await this.mustGet(draftId, toId);
      const current = (draft: LiveDraft) => this.durableWithin(draft.captureDurableState(), 'nothing was compared');
      const toState = to ?? { ...(await this.live.withRoom(draftId, current)) };
      const [older, newer] = from.seq <= toState.seq ? [from, toState] : [toState, from];
      const authors = await this.authorsOf(draftId);
      const updates = this.documents.updatesBetween(draftId, older.seq, newer.seq);
      const comparison = await refuseDamaged(compareStates(call, { from: from.state, to: toState.state, replayFrom: older.state, updates, authors }));
      return { ...comparison, from: toSummary(from), to: to ? toSummary(to) : null };
    });
  }

  /** Brings an old text back as a new change on top of the current one; history is never rewritten. */
  async restore(draftId: string, versionId: string, user: DraftMember): Promise<VersionSummary> {
    if (!isFacilitator(user.role)) throw new DomainError('only the facilitator restores versions', 403);
    const version = await this.mustGet(draftId, versionId);
    const node = resolutionSchema.nodeFromJSON(stateToDoc(version.state));
    const label = version.name ?? `checkpoint of ${version.createdAt.slice(0, 16).replace('T', ' ')}`;
    const restoring = (doc: Y.Doc) => prosemirrorToYXmlFragment(node, doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
    const meta = await this.changeAndName(draftId, 'restore', restoredName(label), user, restoring);
    await this.audit.record(auditBy(user, user.negotiationId, 'version-restored', draftId, label));
    return toSummary(meta);
  }

  /**
   * Changes the live text as the server, on behalf of `user`, and names the result. Only on a
   * store that takes writes: a change that could not be recorded must not be applied.
   */
  async changeAndName(draftId: string, kind: 'restore' | 'round', name: string, user: DraftMember, change: (doc: Y.Doc) => void): Promise<VersionMeta> {
    const meta = await this.live.withRoom(draftId, async (draft) => {
      await this.durableWithin(draft.captureDurableState(), kind === 'restore' ? 'nothing was restored' : 'no round was started');
      draft.changeAsServer(user.id, change);
      return this.checkpoint(draft, kind, name, user);
    });
    return meta!;
  }

  /** Who edited when: stretches of editing per delegation, newest first. */
  async activity(draftId: string, limit: number): Promise<ActivityEntry[]> {
    const authors = await this.authorsOf(draftId);
    return refuseDamaged(groupActivity(this.documents.updatesBetween(draftId, 0), (id) => authors.get(id), limit));
  }

  /**
   * A named version waits, bounded, for pending edits to be stored; background checkpoints wait as
   * long as it takes, and so do restores and rounds, whose change is applied already and must be recorded.
   */
  private capture(draft: LiveDraft, kind: VersionKind): Promise<{ state: Uint8Array; seq: number }> {
    const capturing = draft.captureDurableState();
    return kind === 'named' ? this.durableWithin(capturing, 'the version was not named') : capturing;
  }

  /** Someone is waiting: past durableWaitMs, saving counts as failing and the request gets a 503. */
  private durableWithin<T>(waiting: Promise<T>, outcome: string): Promise<T> {
    return withDeadline(waiting, this.options.durableWaitMs, () => new DomainError(`saving is failing; ${outcome}, try again later`, 503));
  }

  /** A version of this draft, or 404 (also for a version of another draft); 409 when it is damaged. */
  async mustGet(draftId: string, versionId: string): Promise<VersionRecord> {
    const version = await refuseDamaged(this.versions.get(versionId));
    if (!version || version.draftId !== draftId) throw new DomainError('no such version', 404);
    return version;
  }
}

function nameTaken(name: string): DomainError {
  return new DomainError(`a version named "${name}" exists already; choose another name`, 409);
}

export function toSummary(meta: VersionMeta): VersionSummary {
  const { id, draftId, kind, name, createdAt, createdByName, seq } = meta;
  return { id, draftId, kind, name, createdAt, createdByName, seq };
}
