import { Binary, type ClientSession, type Collection, type FindCursor } from 'mongodb';
import { batchIdOf, ReusedBatchIdError } from '../batchId';
import { checksumOf } from '../checksum';
import type { CorruptRecord } from '../corruption';
import { nextSeqs } from '../nextSeqs';
import type { DocumentSnapshot, DocumentStore, NewUpdate, StoredDocument, StoredUpdate } from '../types';
import { validateBatch } from '../validateBatch';
import type { Checked, StoredDataVerifier } from '../verifyStored';
import type { Atomically } from './atomically';
import type { SnapshotDoc, SnapshotFields, UpdateDoc } from './collections';
import { firstMissingSeq } from './firstMissingSeq';
import { isDuplicateKeyError } from './insertUnique';

/** Documents per round trip while streaming the log. */
const BATCH_SIZE = 1000;
/** Appends that lost the race for a seq to another writer in a row before giving up (each loss means that writer progressed). */
const MAX_SEQ_RACES = 50;
/** Reads of a log tail that still showed a hole (an entry committing while the read passed its place). */
const MAX_TAIL_READS = 5;

function toStoredUpdate(doc: UpdateDoc): Checked<StoredUpdate> {
  return { seq: doc.seq, draftId: doc.draftId, update: doc.update.value(), authorId: doc.authorId, at: doc.at, checksum: doc.checksum ?? null };
}

/** The snapshot and the one it replaced, newest first. */
function snapshotHistory(doc: SnapshotDoc | null): Array<Checked<DocumentSnapshot>> {
  const fields = [doc, doc?.previous].filter((f): f is SnapshotFields => Boolean(f));
  return fields.map((f) => ({ seq: f.seq, state: f.state.value(), checksum: f.checksum ?? null }));
}

/**
 * The log of each draft numbered 1, 2, 3, ...: an entry takes its draft's newest seq + 1, and the
 * unique index on (draftId, seq) makes a writer that raced another for the same seq try again.
 * So seq k + 1 is only written once k is (majority-)committed: seqs have no holes. Entries carry
 * their batch's id and place (unique index), so a retried batch is found rather than stored twice.
 */
export class MongoDocumentStore implements DocumentStore {
  constructor(
    private readonly updates: Collection<UpdateDoc>,
    private readonly snapshots: Collection<SnapshotDoc>,
    private readonly atomically: Atomically,
    private readonly verify: StoredDataVerifier,
  ) {}

  async load(draftId: string): Promise<StoredDocument> {
    // Snapshot first: a snapshot saved in between only makes the tail we read longer than needed.
    const corrupt: CorruptRecord[] = [];
    const snapshot = this.verify.newestIntactSnapshot(draftId, snapshotHistory(await this.snapshots.findOne({ _id: draftId })), corrupt);
    const docs = await this.tailWithoutHoles(draftId, snapshot?.seq ?? 0);
    return { snapshot, updates: this.verify.intactUpdates(docs.map(toStoredUpdate), corrupt), corrupt };
  }

  async append(batch: NewUpdate[], batchId?: string): Promise<StoredUpdate[]> {
    validateBatch(batch);
    const id = batchIdOf(batchId);
    if (batch.length === 0) return [];
    for (let race = 1; ; race++) {
      try {
        return await this.atomically((session) => this.appendMissing(batch, id, session));
      } catch (error) {
        if (!isDuplicateKeyError(error) || race >= MAX_SEQ_RACES) throw error;
      }
    }
  }

  async saveSnapshot(draftId: string, snapshot: DocumentSnapshot): Promise<void> {
    try {
      // A pipeline update: `previous` is computed from the document as it was before this write.
      await this.snapshots.updateOne(
        { _id: draftId, seq: { $lt: snapshot.seq } },
        [
          {
            $set: {
              previous: { $cond: [{ $eq: [{ $type: '$state' }, 'missing'] }, null, { seq: '$seq', state: '$state', checksum: '$checksum' }] },
              seq: { $literal: snapshot.seq },
              state: { $literal: new Binary(snapshot.state) },
              checksum: { $literal: checksumOf(snapshot.state) },
            },
          },
        ],
        { upsert: true },
      );
    } catch (error) {
      // The filter missed because a snapshot at least as new exists, so the upsert hit its _id: keep it.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async *updatesBetween(draftId: string, afterSeq: number, uptoSeq?: number): AsyncIterable<StoredUpdate> {
    for await (const doc of this.range(draftId, afterSeq, uptoSeq)) yield this.verify.update(toStoredUpdate(doc));
  }

  async lastSeq(draftId: string): Promise<number> {
    return this.lastSeqIn(draftId, undefined);
  }

  private async lastSeqIn(draftId: string, session: ClientSession | undefined): Promise<number> {
    const newest = await this.updates.findOne({ draftId }, { sort: { seq: -1 }, projection: { seq: 1 }, session });
    return newest?.seq ?? 0;
  }

  private range(draftId: string, afterSeq: number, uptoSeq?: number): FindCursor<UpdateDoc> {
    const seq = uptoSeq === undefined ? { $gt: afterSeq } : { $gt: afterSeq, $lte: uptoSeq };
    return this.updates.find({ draftId, seq }, { sort: { seq: 1 }, batchSize: BATCH_SIZE, projection: { _id: 0 } });
  }

  /**
   * The log after `afterSeq` with no hole, as load() promises. A read that is not one snapshot
   * can pass seq k before k commits and still meet k + 1; k was committed before k + 1 was
   * written, so reading again finds it.
   */
  private async tailWithoutHoles(draftId: string, afterSeq: number): Promise<UpdateDoc[]> {
    for (let read = 1; ; read++) {
      const docs = await this.range(draftId, afterSeq).toArray();
      const missing = firstMissingSeq(docs, afterSeq);
      if (missing === null) return docs;
      if (read >= MAX_TAIL_READS) throw new Error(`Draft ${draftId}: log entry ${missing} is missing`);
    }
  }

  /**
   * The batch's entries not stored yet (all of them, unless an earlier attempt with this id got
   * some or all in), each at its draft's next seq; then the whole batch with its seqs, in order.
   * In a transaction all or nothing lands; without one an ordered insert leaves a prefix of the
   * batch, which is consistent (each entry follows on only from earlier ones) and which a retry
   * under the same id completes.
   */
  private async appendMissing(batch: NewUpdate[], batchId: string, session: ClientSession | undefined): Promise<StoredUpdate[]> {
    const stored = new Map<number, number>();
    for await (const doc of this.updates.find({ batchId }, { projection: { batchIndex: 1, seq: 1 }, session })) stored.set(doc.batchIndex!, doc.seq);
    if (stored.size > batch.length) throw new ReusedBatchIdError(batchId);
    const missing = [...batch.keys()].filter((index) => !stored.has(index));
    const drafts = new Set(missing.map((index) => batch[index].draftId));
    const lastSeqs = new Map<string, number>();
    // One after the other: a transaction runs no operations in parallel.
    for (const draftId of drafts) lastSeqs.set(draftId, await this.lastSeqIn(draftId, session));
    const seqs = nextSeqs(missing.map((index) => batch[index].draftId), (draftId) => lastSeqs.get(draftId)!);
    missing.forEach((index, i) => stored.set(index, seqs[i]));
    const docs = missing.map((index) => this.docOf(batch[index], stored.get(index)!, batchId, index));
    if (docs.length > 0) await this.updates.insertMany(docs, { ordered: true, session });
    return batch.map((entry, index) => ({ ...entry, seq: stored.get(index)! }));
  }

  private docOf({ draftId, update, authorId, at }: NewUpdate, seq: number, batchId: string, batchIndex: number): UpdateDoc {
    return { seq, draftId, update: new Binary(update), authorId, at, checksum: checksumOf(update), batchId, batchIndex };
  }
}
