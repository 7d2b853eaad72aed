import type { Database, Statement } from 'better-sqlite3';
import { VersionNameTakenError, type VersionCreateOptions, type VersionMeta, type VersionRecord, type VersionStore } from '../types';
import { uniqueNameKey } from '../versionNameKey';
import { assertKeep } from '../assertKeep';
import { checksumOf } from '../checksum';
import type { Checked, StoredDataVerifier } from '../verifyStored';
import { insertUnique } from './insertUnique';

const META_COLUMNS = `id, draft_id AS draftId, kind, name, created_at AS createdAt, created_by AS createdBy,
  created_by_name AS createdByName, seq, size`;

/** Newest first; id breaks ties so paging with `before` never skips or repeats a version. */
const NEWEST_FIRST = 'ORDER BY created_at DESC, id DESC';

interface ListQuery {
  draftId: string;
  before: string | null;
  limit: number;
}

export class SqliteVersionStore implements VersionStore {
  private readonly insert: Statement<[Checked<VersionRecord> & { nameKey: string | null }]>;
  private readonly byId: Statement<[string], Checked<VersionRecord>>;
  private readonly newest: Statement<[ListQuery], VersionMeta>;
  private readonly olderThan: Statement<[ListQuery], VersionMeta>;
  private readonly prune: Statement<[{ draftId: string; keep: number }]>;

  constructor(
    db: Database,
    private readonly verify: StoredDataVerifier,
  ) {
    // A taken name inserts nothing (0 changes); a taken id still throws.
    this.insert = db.prepare(`INSERT INTO versions (id, draft_id, kind, name, name_key, created_at, created_by, created_by_name, seq, size, state, checksum)
      VALUES (@id, @draftId, @kind, @name, @nameKey, @createdAt, @createdBy, @createdByName, @seq, @size, @state, @checksum)
      ON CONFLICT (draft_id, name_key) WHERE name_key IS NOT NULL DO NOTHING`);
    this.byId = db.prepare(`SELECT ${META_COLUMNS}, state, checksum FROM versions WHERE id = ?`);
    this.newest = db.prepare(`SELECT ${META_COLUMNS} FROM versions WHERE draft_id = @draftId ${NEWEST_FIRST} LIMIT @limit`);
    // An unknown `before` matches no row in the subquery, so the list is empty.
    this.olderThan = db.prepare(`SELECT ${META_COLUMNS} FROM versions
      WHERE draft_id = @draftId
        AND (created_at, id) < (SELECT created_at, id FROM versions WHERE id = @before AND draft_id = @draftId)
      ${NEWEST_FIRST} LIMIT @limit`);
    this.prune = db.prepare(`DELETE FROM versions WHERE id IN (
      SELECT id FROM versions WHERE draft_id = @draftId AND kind = 'auto' ${NEWEST_FIRST} LIMIT -1 OFFSET @keep)`);
  }

  async create(version: VersionRecord, options: VersionCreateOptions = {}): Promise<void> {
    const nameKey = uniqueNameKey(version, options);
    const inserted = insertUnique(`Version ${version.id}`, () => this.insert.run({ ...version, nameKey, checksum: checksumOf(version.state) }));
    if (inserted.changes === 0) throw new VersionNameTakenError(version.name!);
  }

  async list(draftId: string, options: { limit?: number; before?: string } = {}): Promise<VersionMeta[]> {
    const { limit, before } = options;
    if (limit !== undefined && limit < 1) return [];
    // LIMIT -1 is SQLite for "no limit".
    const query = { draftId, before: before ?? null, limit: limit ?? -1 };
    return (query.before === null ? this.newest : this.olderThan).all(query);
  }

  async get(id: string): Promise<VersionRecord | null> {
    const row = this.byId.get(id);
    return row ? this.verify.version(row) : null;
  }

  async latest(draftId: string): Promise<VersionMeta | null> {
    return this.newest.get({ draftId, before: null, limit: 1 }) ?? null;
  }

  async pruneAuto(draftId: string, keep: number): Promise<number> {
    assertKeep(keep);
    return this.prune.run({ draftId, keep }).changes;
  }
}
