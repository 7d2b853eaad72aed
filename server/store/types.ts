import type { PublicUser } from '../../shared/user';
import type { DraftSummary } from '../../shared/drafts';
import type { CommentAnchor, CommentView } from '../../shared/comments';
import type { CommentVisibility } from '../../shared/negotiations';
import type { Role } from '../../shared/roles';
import type { ParagraphStatus, StatusChange } from '../../shared/paragraphs';
import type { SponsorChange } from '../../shared/sponsors';
import type { SilenceBreak, SilenceState } from '../../shared/silence';
import type { DraftAccess } from '../../shared/negotiations';
import type { CorruptionLog, CorruptRecord } from './corruption';
import type { DraftEditing, ProposalEvent, ProposalStatus, ProposalView } from '../../shared/proposals';

export type { CommentAnchor };

/**
 * Store interfaces, one per aggregate. Two adapters implement them (sqlite/, mongo/);
 * test/contract/ runs one suite against both. Ids are chosen by the caller; times are
 * ISO-8601 strings; binary Yjs data is Uint8Array.
 */

export interface UserRecord extends PublicUser {
  passwordHash: string;
  createdAt: string;
}

export interface UserStore {
  /** Fails with DuplicateError when the username is taken. */
  create(user: UserRecord): Promise<void>;
  findByUsername(username: string): Promise<UserRecord | null>;
  findById(id: string): Promise<UserRecord | null>;
  list(): Promise<UserRecord[]>;
  count(): Promise<number>;
  /** Changes the given fields; the updated record, or null when there is no such user. */
  update(id: string, patch: UserPatch): Promise<UserRecord | null>;
  /** Deletes the account; false when there was none. */
  remove(id: string): Promise<boolean>;
}

/** The fields of an account that may change (the id and username never do). */
export type UserPatch = Partial<Pick<UserRecord, 'displayName' | 'admin' | 'passwordHash'>>;

export type DraftRecord = DraftSummary;

export type DraftHeading = Pick<DraftSummary, 'title' | 'symbol'>;

export interface DraftStore {
  create(draft: DraftRecord): Promise<void>;
  get(id: string): Promise<DraftRecord | null>;
  /** Most recently changed first: every draft, or those of the given negotiations. */
  list(negotiationIds?: readonly string[]): Promise<DraftRecord[]>;
  /** Records that the draft's text changed at `at` (only ever moves forward). */
  touch(id: string, at: string): Promise<void>;
  /** Keeps the listed title and symbol in step with the text (the heading lives in the document). */
  setHeading(id: string, heading: DraftHeading): Promise<void>;
  /** Sets whether delegates edit directly or only propose; the updated draft, or null when there is none. */
  setEditing(id: string, editing: DraftEditing): Promise<DraftRecord | null>;
}

/** A Yjs update to append to a draft's log, with the authenticated author who sent it. */
export interface NewUpdate {
  draftId: string;
  update: Uint8Array;
  authorId: string;
  at: string;
}

export interface StoredUpdate extends NewUpdate {
  /**
   * Position in the draft's log: 1, 2, 3, ... per draft, unique and without gaps, whichever
   * instance appended it (see docs/DESIGN.md "Ordering with several writers"). Entries logged
   * before per-draft positions keep their old, store-wide seqs (increasing, with gaps).
   */
  seq: number;
}

export interface DocumentSnapshot {
  /** Yjs state as an update (Y.encodeStateAsUpdate). */
  state: Uint8Array;
  /** The watermark: every logged update of the draft with seq <= this is contained in `state`. */
  seq: number;
}

export interface StoredDocument {
  snapshot: DocumentSnapshot | null;
  /** The intact log after the snapshot, in seq order. */
  updates: StoredUpdate[];
  /** Blobs that failed their checksum and were left out (a damaged snapshot: the one before it is used). */
  corrupt?: CorruptRecord[];
}

export interface DocumentStore {
  /**
   * Snapshot plus the tail of the log: everything needed to rebuild the current state. The
   * tail has no holes: every entry with a seq up to the last one returned is in the snapshot or
   * the tail, even while other instances append.
   */
  load(draftId: string): Promise<StoredDocument>;
  /**
   * Appends a batch, possibly for several drafts: one write per event-loop turn (group commit).
   * Returns the stored entries with their seq, in order. All or nothing where the store has
   * transactions (SQLite; MongoDB on a replica set). Idempotent per `batchId`: a batch retried
   * with the same id after an unknown outcome is stored once, and the entries stored the first
   * time are returned (omitted: a fresh id, for a call that is never retried).
   */
  append(batch: NewUpdate[], batchId?: string): Promise<StoredUpdate[]>;
  /**
   * Stores a snapshot if it is newer than the current one. The log is kept: it is the audit
   * trail of who changed what; the snapshot only lets a load skip the entries it contains.
   * The newest two are kept, so a damaged newest snapshot falls back to the one before.
   */
  saveSnapshot(draftId: string, snapshot: DocumentSnapshot): Promise<void>;
  /**
   * Log entries with afterSeq < seq <= uptoSeq (uptoSeq omitted: to the end), streamed in seq order.
   * A damaged entry ends the stream with CorruptDataError.
   */
  updatesBetween(draftId: string, afterSeq: number, uptoSeq?: number): AsyncIterable<StoredUpdate>;
  /** The seq of the draft's newest log entry, 0 when the log is empty. */
  lastSeq(draftId: string): Promise<number>;
}

/** A stored comment: what clients see (CommentView) plus where its thread is attached and its state. */
export interface CommentRecord extends CommentView {
  /** Who sees the thread; a reply has its thread's. */
  visibility: CommentVisibility;
  /** Only on a thread's root. */
  anchor: CommentAnchor | null;
  /** Only on a thread's root. */
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export type CommentPatch = Partial<Pick<CommentRecord, 'text' | 'editedAt' | 'deletedAt' | 'resolvedAt' | 'resolvedBy'>>;

export interface CommentStore {
  create(comment: CommentRecord): Promise<void>;
  get(id: string): Promise<CommentRecord | null>;
  /** Applies the patch and returns the updated record, or null when the id is unknown. */
  update(id: string, patch: CommentPatch): Promise<CommentRecord | null>;
  /** All comments of a draft, oldest first. */
  listByDraft(draftId: string): Promise<CommentRecord[]>;
  /** The comments of one thread, oldest first. */
  listThread(threadId: string): Promise<CommentRecord[]>;
  /** Threads of a draft that are not resolved. */
  countOpenThreads(draftId: string): Promise<number>;
  /** Replies in a thread (deleted ones included), its root not counted. */
  countReplies(threadId: string): Promise<number>;
  /** Comments (roots and replies) an author made in a draft at or after `since` (ISO time). */
  countByAuthorSince(draftId: string, authorId: string, since: string): Promise<number>;
}

export type VersionKind = 'auto' | 'named' | 'restore' | 'round';

export interface VersionMeta {
  id: string;
  draftId: string;
  kind: VersionKind;
  /** Set for named versions ("Rev.1") and restores. */
  name: string | null;
  createdAt: string;
  /** null for automatic checkpoints. */
  createdBy: string | null;
  createdByName: string | null;
  /** The log position the version contains (every update with seq <= this). */
  seq: number;
  /** Bytes of the stored state. */
  size: number;
}

export interface VersionRecord extends VersionMeta {
  /** The full Yjs state of the draft at that point (Y.encodeStateAsUpdate). */
  state: Uint8Array;
}

export interface VersionCreateOptions {
  /**
   * The name is one a facilitator gave: no other version of the draft stored with this option may
   * have it (versionNameKey), also between instances.
   */
  uniqueName?: boolean;
}

export interface VersionStore {
  /**
   * Fails with DuplicateError when the id is taken, and with VersionNameTakenError when the name
   * must be unique and is taken (VersionCreateOptions.uniqueName). Versions stored before that rule
   * hold no key (see docs/DESIGN.md).
   */
  create(version: VersionRecord, options?: VersionCreateOptions): Promise<void>;
  /** Metadata only (never the states), newest first. */
  list(draftId: string, options?: { limit?: number; before?: string }): Promise<VersionMeta[]>;
  /** Throws CorruptDataError when the stored state fails its checksum. */
  get(id: string): Promise<VersionRecord | null>;
  /** The newest version of a draft, metadata only. */
  latest(draftId: string): Promise<VersionMeta | null>;
  /** Deletes automatic versions of a draft beyond the newest `keep`; named ones, restores and rounds are never pruned. */
  pruneAuto(draftId: string, keep: number): Promise<number>;
}

/** Which user each Yjs client id belongs to (unique per client id). */
export interface ClientIdStore {
  /**
   * Binds `clientId` to `userId` unless it is bound already (atomically, also between
   * instances); resolves with the user it is bound to, which may be another one.
   */
  claim(clientId: number, userId: string): Promise<string>;
}

/** A negotiation: the unit of access to drafts (see docs/DESIGN.md "Negotiations"). */
export interface NegotiationRecord {
  id: string;
  name: string;
  body: string;
  startsOn: string | null;
  endsOn: string | null;
  createdAt: string;
  createdBy: string;
}

export interface NegotiationStore {
  create(negotiation: NegotiationRecord): Promise<void>;
  get(id: string): Promise<NegotiationRecord | null>;
  /** Every negotiation, or those with the given ids; oldest first. */
  list(ids?: readonly string[]): Promise<NegotiationRecord[]>;
}

/** One person's place in one negotiation. */
export interface MembershipRecord {
  negotiationId: string;
  userId: string;
  role: Role;
  delegation: string;
  addedAt: string;
  addedBy: string;
}

export interface MembershipStore {
  /** Adds or replaces the membership of (negotiationId, userId); 'added' when there was none. */
  put(membership: MembershipRecord): Promise<'added' | 'updated'>;
  get(negotiationId: string, userId: string): Promise<MembershipRecord | null>;
  /** Members of a negotiation, in the order they were added. */
  listByNegotiation(negotiationId: string): Promise<MembershipRecord[]>;
  /** Memberships of a person, in the order they were added. */
  listByUser(userId: string): Promise<MembershipRecord[]>;
  /** False when there was none. */
  remove(negotiationId: string, userId: string): Promise<boolean>;
}

/** One line of the append-only audit log. */
export interface AuditRecord {
  id: string;
  at: string;
  /** The negotiation it concerns; null for server-wide actions such as sign-ins. */
  negotiationId: string | null;
  /** null when nobody signed in (a failed sign-in). */
  actorId: string | null;
  actorName: string;
  /** 'sign-in', 'sign-in-failed', 'member-added', 'member-changed', 'member-removed', 'version-named', 'version-restored', 'round-started', ... */
  action: string;
  target: string;
  detail: string;
}

export interface AuditStore {
  append(entry: AuditRecord): Promise<void>;
  /** Newest first; null: the server-wide entries (sign-ins, accounts). */
  listByNegotiation(negotiationId: string | null, limit: number): Promise<AuditRecord[]>;
}

/** A paragraph's current status and every change that led to it, oldest first. */
export interface ParagraphStatusRecord {
  draftId: string;
  paragraphId: string;
  status: ParagraphStatus;
  pending: string[];
  history: StatusChange[];
}

export interface ParagraphStatusStore {
  /** The paragraphs of a draft that ever had a status set (the others are `open`). */
  listForDraft(draftId: string): Promise<ParagraphStatusRecord[]>;
  /**
   * Sets the status and appends the change to its history in one write; `from` is the status the
   * store held (`open` when none), so two concurrent changes both record what they replaced.
   */
  record(draftId: string, paragraphId: string, change: Omit<StatusChange, 'from'>): Promise<ParagraphStatusRecord>;
}

/** A draft's sponsoring delegations and every change that led to them, oldest first. */
export interface SponsorsRecord {
  draftId: string;
  sponsors: string[];
  cosponsors: string[];
  history: SponsorChange[];
}

export interface SponsorStore {
  /** null: nobody set the sponsors of this draft yet. */
  get(draftId: string): Promise<SponsorsRecord | null>;
  /** Sets both lists to those of `change` and appends it to the history in one write. */
  record(draftId: string, change: SponsorChange): Promise<SponsorsRecord>;
}

/** A draft's silence procedure; the facilitator who started it acts for its conclusion. */
export interface SilenceRecord {
  id: string;
  draftId: string;
  until: string;
  zone: string;
  startedBy: PublicUser & DraftAccess;
  startedAt: string;
  state: SilenceState;
  concludedAt: string | null;
  breaks: SilenceBreak[];
}

export interface SilenceStore {
  create(record: SilenceRecord): Promise<void>;
  /** The draft's newest procedure, open or not. */
  latest(draftId: string): Promise<SilenceRecord | null>;
  /** Every open procedure of every draft (scheduled again when the server starts). */
  listOpen(): Promise<SilenceRecord[]>;
  /** Appends a break while the procedure is open; null when it is not (any more). */
  addBreak(id: string, entry: SilenceBreak): Promise<SilenceRecord | null>;
  /** Ends an open procedure; null when it had ended already, so it ends once. */
  end(id: string, state: Exclude<SilenceState, 'open'>, at: string): Promise<SilenceRecord | null>;
}

/** A stored proposal: what every member sees (see shared/proposals.ts), plus the negotiation for audits. */
export interface ProposalRecord extends ProposalView {
  negotiationId: string;
}

/** The fields a decision or an edit changes; `events` is appended to, never rewritten. */
export type ProposalPatch = Partial<
  Pick<ProposalRecord, 'status' | 'text' | 'anchor' | 'justification' | 'supporters' | 'objectors' | 'decidedBy' | 'result' | 'updatedAt'>
>;

export interface ProposalStore {
  create(proposal: ProposalRecord): Promise<void>;
  get(id: string): Promise<ProposalRecord | null>;
  /**
   * Applies the patch and appends `event` only while the proposal's status is `expectedStatus`
   * (compare-and-set: two facilitators accepting at once, or accepting a withdrawn proposal,
   * change it once). With `expectedEvents` (the length of the `events` the caller read), also only
   * while nothing else changed the proposal since: a support computed from a stale list of
   * supporters (on another instance) must not drop one. Returns the updated record, or null when
   * the id is unknown or the status or event count differs.
   */
  update(id: string, expectedStatus: ProposalStatus, patch: ProposalPatch, event: ProposalEvent, expectedEvents?: number): Promise<ProposalRecord | null>;
  /** A draft's proposals, oldest first (ties by id), optionally of one status. */
  listByDraft(draftId: string, status?: ProposalStatus): Promise<ProposalRecord[]>;
  /** Pending proposals of one delegation in a draft (the cap on open proposals). */
  countPending(draftId: string, delegation: string): Promise<number>;
  /** Proposals an author created in a draft at or after `since` (ISO time): the hourly cap. */
  countByAuthorSince(draftId: string, authorId: string, since: string): Promise<number>;
}

export interface Store {
  users: UserStore;
  negotiations: NegotiationStore;
  memberships: MembershipStore;
  audit: AuditStore;
  drafts: DraftStore;
  documents: DocumentStore;
  comments: CommentStore;
  versions: VersionStore;
  /** Damaged blobs the reads have met (checksum mismatches), for the health report. */
  corruption: CorruptionLog;
  clientIds: ClientIdStore;
  paragraphStatuses: ParagraphStatusStore;
  sponsors: SponsorStore;
  silences: SilenceStore;
  proposals: ProposalStore;
  /** Resolves when the store answers; rejects otherwise (health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by create() when a unique key is taken. */
export class DuplicateError extends Error {
  constructor(what: string) {
    super(`${what} already exists`);
    this.name = 'DuplicateError';
  }
}

/** Thrown by VersionStore.create() when a named version of the draft has that name already. */
export class VersionNameTakenError extends DuplicateError {
  constructor(readonly versionName: string) {
    super(`A version named "${versionName}"`);
    this.name = 'VersionNameTakenError';
  }
}
