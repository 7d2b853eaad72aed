import type { Binary, Collection, Db } from 'mongodb';
import type {
  AuditRecord,
  CommentRecord,
  DraftRecord,
  MembershipRecord,
  NegotiationRecord,
  ParagraphStatusRecord,
  ProposalRecord,
  SilenceRecord,
  SponsorsRecord,
  UserRecord,
  VersionMeta,
} from '../types';

/** Records keyed by their caller-chosen id, stored as _id. */
export type IdDoc<R extends { id: string }> = Omit<R, 'id'> & { _id: string };

export type UserDoc = IdDoc<UserRecord>;
/** `editing` is absent on drafts written before issue 11 (read as 'direct'). */
export type DraftDoc = Omit<IdDoc<DraftRecord>, 'editing'> & Partial<Pick<DraftRecord, 'editing'>>;
export type NegotiationDoc = IdDoc<NegotiationRecord>;
/** _id is `${negotiationId} ${userId}`, so a person is a member once. */
export type MembershipDoc = MembershipRecord & { _id: string };
export type AuditDoc = IdDoc<AuditRecord>;
export type CommentDoc = IdDoc<CommentRecord>;
export type VersionMetaDoc = IdDoc<VersionMeta>;
/**
 * checksum: CRC-32 of the state; absent on documents written before checksums. nameKey: on named
 * versions written since names are unique in the store (uniqueNameKey), never read back.
 */
export type VersionDoc = VersionMetaDoc & { state: Binary; checksum?: number; nameKey?: string };

/** _id is left to the server; seq is the position in the draft's log (unique with draftId). */
export interface UpdateDoc {
  seq: number;
  draftId: string;
  update: Binary;
  authorId: string;
  at: string;
  /** CRC-32 of `update`; absent on documents written before checksums. */
  checksum?: number;
  /** The appended batch it came in and its place there (unique); absent on documents written before per-draft seqs. */
  batchId?: string;
  batchIndex?: number;
}

export interface SnapshotFields {
  seq: number;
  state: Binary;
  /** CRC-32 of `state`; absent on documents written before checksums. */
  checksum?: number;
}

/** One per draft: _id is the draft id; the snapshot it replaced stays as `previous` (a fallback if this one is damaged). */
export interface SnapshotDoc extends SnapshotFields {
  _id: string;
  previous?: SnapshotFields | null;
}

/** _id is the Yjs client id, so it is bound once. */
export interface ClientIdDoc {
  _id: number;
  userId: string;
  claimedAt: string;
}

/** _id is `${draftId} ${paragraphId}`: one status per paragraph, its history inside. */
export type ParagraphStatusDoc = ParagraphStatusRecord & { _id: string };

/** _id is the draft id: one pair of lists per draft, its history inside. */
export type SponsorsDoc = SponsorsRecord & { _id: string };
export type SilenceDoc = IdDoc<SilenceRecord>;
export type ProposalDoc = IdDoc<ProposalRecord>;

export interface Collections {
  users: Collection<UserDoc>;
  drafts: Collection<DraftDoc>;
  updates: Collection<UpdateDoc>;
  snapshots: Collection<SnapshotDoc>;
  comments: Collection<CommentDoc>;
  versions: Collection<VersionDoc>;
  clientIds: Collection<ClientIdDoc>;
  negotiations: Collection<NegotiationDoc>;
  memberships: Collection<MembershipDoc>;
  audit: Collection<AuditDoc>;
  paragraphStatuses: Collection<ParagraphStatusDoc>;
  sponsors: Collection<SponsorsDoc>;
  silences: Collection<SilenceDoc>;
  proposals: Collection<ProposalDoc>;
}

export function collections(db: Db): Collections {
  return {
    users: db.collection<UserDoc>('users'),
    drafts: db.collection<DraftDoc>('drafts'),
    updates: db.collection<UpdateDoc>('updates'),
    snapshots: db.collection<SnapshotDoc>('snapshots'),
    comments: db.collection<CommentDoc>('comments'),
    versions: db.collection<VersionDoc>('versions'),
    clientIds: db.collection<ClientIdDoc>('client_ids'),
    negotiations: db.collection<NegotiationDoc>('negotiations'),
    memberships: db.collection<MembershipDoc>('memberships'),
    audit: db.collection<AuditDoc>('audit'),
    paragraphStatuses: db.collection<ParagraphStatusDoc>('paragraph_statuses'),
    sponsors: db.collection<SponsorsDoc>('draft_sponsors'),
    silences: db.collection<SilenceDoc>('silences'),
    proposals: db.collection<ProposalDoc>('proposals'),
  };
}
