import type { Database, Statement, Transaction } from 'better-sqlite3';
import { batchIdOf, ReusedBatchIdError } from '../batchId';
import { checksumOf } from '../checksum';
import type { CorruptRecord } from '../corruption';
import type { DocumentSnapshot, DocumentStore, NewUpdate, StoredDocument, StoredUpdate } from '../types';
import { nextSeqs } from '../nextSeqs';
import { validateBatch } from '../validateBatch';
import { KEPT_SNAPSHOTS, type Checked, type StoredDataVerifier } from '../verifyStored';

/** Rows read per query while streaming the log: bounds memory however long the log is. */
const PAGE_SIZE = 1000;

const UPDATE_COLUMNS = 'seq, draft_id AS draftId, data AS "update", author_id AS authorId, at, checksum';

interface PageQuery {
  draftId: string;
  afterSeq: number;
  uptoSeq: number;
  limit: number;
}

type SnapshotRow = { draftId: string; seq: number; state: Uint8Array; checksum: number };

type UpdateRow = Checked<StoredUpdate> & { batchId: string; batchIndex: number };

export class SqliteDocumentStore implements DocumentStore {
  private readonly insertUpdate: Statement<[UpdateRow]>;
  private readonly batchSeqs: Statement<[string], number>;
  private readonly snapshotHistory: Statement<[{ draftId: string; keep: number }], Checked<DocumentSnapshot>>;
  private readonly insertSnapshot: Statement<[SnapshotRow]>;
  private readonly pruneSnapshots: Statement<[{ draftId: string; keep: number }]>;
  private readonly page: Statement<[PageQuery], Checked<StoredUpdate>>;
  private readonly maxSeq: Statement<[string], number | null>;
  private readonly appendAll: Transaction<(batch: NewUpdate[], batchId: string) => StoredUpdate[]>;
  private readonly saveSnapshotAndPrune: Transaction<(row: SnapshotRow) => void>;
  private readonly loadConsistent: Transaction<(draftId: string) => StoredDocument>;

  constructor(
    db: Database,
    private readonly verify: StoredDataVerifier,
  ) {
    this.insertUpdate = db.prepare(`INSERT INTO updates (draft_id, seq, data, author_id, at, checksum, batch_id, batch_index)
      VALUES (@draftId, @seq, @update, @authorId, @at, @checksum, @batchId, @batchIndex)`);
    this.batchSeqs = db.prepare<[string], number>('SELECT seq FROM updates WHERE batch_id = ? ORDER BY batch_index').pluck();
    this.snapshotHistory = db.prepare('SELECT state, seq, checksum FROM snapshots WHERE draft_id = @draftId ORDER BY seq DESC LIMIT @keep');
    // Only a snapshot newer than every stored one is added.
    this.insertSnapshot = db.prepare(`INSERT INTO snapshots (draft_id, seq, state, checksum)
      SELECT @draftId, @seq, @state, @checksum WHERE NOT EXISTS (SELECT 1 FROM snapshots WHERE draft_id = @draftId AND seq >= @seq)`);
    this.pruneSnapshots = db.prepare(`DELETE FROM snapshots WHERE draft_id = @draftId
      AND seq NOT IN (SELECT seq FROM snapshots WHERE draft_id = @draftId ORDER BY seq DESC LIMIT @keep)`);
    this.page = db.prepare(`SELECT ${UPDATE_COLUMNS} FROM updates
      WHERE draft_id = @draftId AND seq > @afterSeq AND seq <= @uptoSeq ORDER BY seq LIMIT @limit`);
    this.maxSeq = db.prepare<[string], number | null>('SELECT MAX(seq) FROM updates WHERE draft_id = ?').pluck();
    // One transaction per batch: a single fsync for everything a turn of the event loop collected.
    // Run IMMEDIATE (see append), so each draft's newest seq read here is still the newest at commit.
    this.appendAll = db.transaction((batch: NewUpdate[], batchId: string) => {
      const earlier = this.batchSeqs.all(batchId);
      if (earlier.length > 0 && earlier.length !== batch.length) throw new ReusedBatchIdError(batchId);
      const seqs = earlier.length > 0 ? earlier : nextSeqs(batch.map((entry) => entry.draftId), (draftId) => this.maxSeq.get(draftId) ?? 0);
      return batch.map(({ draftId, update, authorId, at }, batchIndex) => {
        const seq = seqs[batchIndex];
        if (earlier.length === 0) this.insertUpdate.run({ draftId, seq, update, authorId, at, checksum: checksumOf(update), batchId, batchIndex });
        return { seq, draftId, update, authorId, at };
      });
    });
    this.saveSnapshotAndPrune = db.transaction((row: SnapshotRow) => {
      this.insertSnapshot.run(row);
      this.pruneSnapshots.run({ draftId: row.draftId, keep: KEPT_SNAPSHOTS });
    });
    // Snapshot and tail read in one transaction, so another writer cannot slip between them.
    this.loadConsistent = db.transaction((draftId: string) => {
      const corrupt: CorruptRecord[] = [];
      const history = this.snapshotHistory.all({ draftId, keep: KEPT_SNAPSHOTS });
      const snapshot = this.verify.newestIntactSnapshot(draftId, history, corrupt);
      const rows = this.page.all({ draftId, afterSeq: snapshot?.seq ?? 0, uptoSeq: Number.MAX_SAFE_INTEGER, limit: -1 });
      return { snapshot, updates: this.verify.intactUpdates(rows, corrupt), corrupt };
    });
  }

  async load(draftId: string): Promise<StoredDocument> {
    return this.loadConsistent(draftId);
  }

  /**
   * BEGIN IMMEDIATE takes the write lock before reading: another process appending to the same
   * file waits (busy_timeout) instead of both numbering from the same newest seq, and the
   * transaction never has to upgrade a read snapshot that another writer made stale.
   */
  async append(batch: NewUpdate[], batchId?: string): Promise<StoredUpdate[]> {
    validateBatch(batch);
    const id = batchIdOf(batchId);
    return batch.length === 0 ? [] : this.appendAll.immediate(batch, id);
  }

  async saveSnapshot(draftId: string, snapshot: DocumentSnapshot): Promise<void> {
    this.saveSnapshotAndPrune.immediate({ draftId, seq: snapshot.seq, state: snapshot.state, checksum: checksumOf(snapshot.state) });
  }

  /**
   * Pages with all() rather than holding one iterate() cursor open: while a better-sqlite3
   * cursor is open the connection refuses every write, and a consumer may pause between rows.
   */
  async *updatesBetween(draftId: string, afterSeq: number, uptoSeq = Number.MAX_SAFE_INTEGER): AsyncIterable<StoredUpdate> {
    let after = afterSeq;
    for (;;) {
      const rows = this.page.all({ draftId, afterSeq: after, uptoSeq, limit: PAGE_SIZE });
      for (const row of rows) yield this.verify.update(row);
      if (rows.length < PAGE_SIZE) return;
      after = rows[rows.length - 1].seq;
    }
  }

  async lastSeq(draftId: string): Promise<number> {
    return this.maxSeq.get(draftId) ?? 0;
  }
}
