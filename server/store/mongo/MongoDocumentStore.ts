import { Binary, type Collection, type FindCursor } from 'mongodb';
import { checksumOf } from '../checksum';
import type { CorruptRecord } from '../corruption';
import type { DocumentSnapshot, DocumentStore, NewUpdate, StoredDocument, StoredUpdate } from '../types';
import { validateBatch } from '../validateBatch';
import type { Checked, StoredDataVerifier } from '../verifyStored';
import type { CounterDoc, SnapshotDoc, SnapshotFields, UpdateDoc } from './collections';
import type { InsertUpdates } from './allOrNothingInsert';
import { isDuplicateKeyError } from './insertUnique';

const COUNTER_ID = 'updates';
/** Documents per round trip while streaming the log. */
const BATCH_SIZE = 1000;

function toStoredUpdate(doc: UpdateDoc): Checked<StoredUpdate> {
  return { seq: doc.seq, draftId: doc.draftId, update: doc.update.value(), authorId: doc.authorId, at: doc.at, checksum: doc.checksum ?? null };
}

/** The snapshot and the one it replaced, newest first. */
function snapshotHistory(doc: SnapshotDoc | null): Array<Checked<DocumentSnapshot>> {
  const fields = [doc, doc?.previous].filter((f): f is SnapshotFields => Boolean(f));
  return fields.map((f) => ({ seq: f.seq, state: f.state.value(), checksum: f.checksum ?? null }));
}

export class MongoDocumentStore implements DocumentStore {
  /** Appends run one after another so that, within this server, seq order is also commit order. */
  private appending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly updates: Collection<UpdateDoc>,
    private readonly snapshots: Collection<SnapshotDoc>,
    private readonly counters: Collection<CounterDoc>,
    private readonly insertUpdates: InsertUpdates,
    private readonly verify: StoredDataVerifier,
  ) {}

  async load(draftId: string): Promise<StoredDocument> {
    // Snapshot first: a snapshot saved in between only makes the tail we read longer than needed.
    const corrupt: CorruptRecord[] = [];
    const snapshot = this.verify.newestIntactSnapshot(draftId, snapshotHistory(await this.snapshots.findOne({ _id: draftId })), corrupt);
    const docs = await this.range(draftId, snapshot?.seq ?? 0).toArray();
    return { snapshot, updates: this.verify.intactUpdates(docs.map(toStoredUpdate), corrupt), corrupt };
  }

  async append(batch: NewUpdate[]): Promise<StoredUpdate[]> {
    validateBatch(batch);
    if (batch.length === 0) return [];
    const appended = this.appending.then(() => this.appendNow(batch));
    this.appending = appended.catch(() => undefined);
    return appended;
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
    const newest = await this.updates.findOne({ draftId }, { sort: { seq: -1 }, projection: { seq: 1 } });
    return newest?.seq ?? 0;
  }

  private range(draftId: string, afterSeq: number, uptoSeq?: number): FindCursor<UpdateDoc> {
    const seq = uptoSeq === undefined ? { $gt: afterSeq } : { $gt: afterSeq, $lte: uptoSeq };
    return this.updates.find({ draftId, seq }, { sort: { seq: 1 }, batchSize: BATCH_SIZE, projection: { _id: 0 } });
  }

  private async appendNow(batch: NewUpdate[]): Promise<StoredUpdate[]> {
    const first = await this.reserveSeqs(batch.length);
    const stored = batch.map(({ draftId, update, authorId, at }, i) => ({ seq: first + i, draftId, update, authorId, at }));
    await this.insertUpdates(stored.map((entry) => ({ ...entry, update: new Binary(entry.update), checksum: checksumOf(entry.update) })));
    return stored;
  }

  /** Reserves `count` consecutive seqs; a failed batch leaves a gap, which keeps seqs increasing. */
  private async reserveSeqs(count: number): Promise<number> {
    const counter = await this.counters.findOneAndUpdate(
      { _id: COUNTER_ID },
      { $inc: { seq: count } },
      { upsert: true, returnDocument: 'after' },
    );
    if (!counter) throw new Error('The seq counter was not returned');
    return counter.seq - count + 1;
  }
}
