import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { DocumentSnapshot, DocumentStore, NewUpdate, StoredDocument, StoredUpdate } from '../types';
import { validateBatch } from '../validateBatch';

/** Rows read per query while streaming the log: bounds memory however long the log is. */
const PAGE_SIZE = 1000;

const UPDATE_COLUMNS = 'seq, draft_id AS draftId, data AS "update", author_id AS authorId, at';

interface PageQuery {
  draftId: string;
  afterSeq: number;
  uptoSeq: number;
  limit: number;
}

export class SqliteDocumentStore implements DocumentStore {
  private readonly insertUpdate: Statement<[NewUpdate]>;
  private readonly snapshotOf: Statement<[string], DocumentSnapshot>;
  private readonly upsertSnapshot: Statement<[{ draftId: string; seq: number; state: Uint8Array }]>;
  private readonly page: Statement<[PageQuery], StoredUpdate>;
  private readonly maxSeq: Statement<[string], number | null>;
  private readonly appendAll: Transaction<(batch: NewUpdate[]) => StoredUpdate[]>;
  private readonly loadConsistent: Transaction<(draftId: string) => StoredDocument>;

  constructor(db: Database) {
    this.insertUpdate = db.prepare('INSERT INTO updates (draft_id, data, author_id, at) VALUES (@draftId, @update, @authorId, @at)');
    this.snapshotOf = db.prepare('SELECT state, seq FROM snapshots WHERE draft_id = ?');
    // The WHERE keeps a stored snapshot that is as new as or newer than the one offered.
    this.upsertSnapshot = db.prepare(`INSERT INTO snapshots (draft_id, seq, state) VALUES (@draftId, @seq, @state)
      ON CONFLICT (draft_id) DO UPDATE SET seq = excluded.seq, state = excluded.state WHERE excluded.seq > snapshots.seq`);
    this.page = db.prepare(`SELECT ${UPDATE_COLUMNS} FROM updates
      WHERE draft_id = @draftId AND seq > @afterSeq AND seq <= @uptoSeq ORDER BY seq LIMIT @limit`);
    this.maxSeq = db.prepare<[string], number | null>('SELECT MAX(seq) FROM updates WHERE draft_id = ?').pluck();
    // One transaction per batch: a single fsync for everything a turn of the event loop collected.
    this.appendAll = db.transaction((batch: NewUpdate[]) =>
      batch.map(({ draftId, update, authorId, at }) => {
        const seq = Number(this.insertUpdate.run({ draftId, update, authorId, at }).lastInsertRowid);
        return { seq, draftId, update, authorId, at };
      }),
    );
    // Snapshot and tail read in one transaction, so another writer cannot slip between them.
    this.loadConsistent = db.transaction((draftId: string) => {
      const snapshot = this.snapshotOf.get(draftId) ?? null;
      const updates = this.page.all({ draftId, afterSeq: snapshot?.seq ?? 0, uptoSeq: Number.MAX_SAFE_INTEGER, limit: -1 });
      return { snapshot, updates };
    });
  }

  async load(draftId: string): Promise<StoredDocument> {
    return this.loadConsistent(draftId);
  }

  async append(batch: NewUpdate[]): Promise<StoredUpdate[]> {
    validateBatch(batch);
    return batch.length === 0 ? [] : this.appendAll(batch);
  }

  async saveSnapshot(draftId: string, snapshot: DocumentSnapshot): Promise<void> {
    this.upsertSnapshot.run({ draftId, seq: snapshot.seq, state: snapshot.state });
  }

  /**
   * Pages with all() rather than holding one iterate() cursor open: while a better-sqlite3
   * cursor is open the connection refuses every write, and a consumer may pause between rows.
   */
  async *updatesBetween(draftId: string, afterSeq: number, uptoSeq = Number.MAX_SAFE_INTEGER): AsyncIterable<StoredUpdate> {
    let after = afterSeq;
    for (;;) {
      const rows = this.page.all({ draftId, afterSeq: after, uptoSeq, limit: PAGE_SIZE });
      yield* rows;
      if (rows.length < PAGE_SIZE) return;
      after = rows[rows.length - 1].seq;
    }
  }

  async lastSeq(draftId: string): Promise<number> {
    return this.maxSeq.get(draftId) ?? 0;
  }
}
