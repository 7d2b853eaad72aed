import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../../server/store/sqlite/openSqliteStore';
import { SCHEMA_VERSION } from '../../../server/store/sqlite/schema';
import { makeProposal } from '../../helpers/proposalRecords';
import { sqliteStoreAt } from '../../helpers/sqliteStoreAt';

/** The schema version of the code before proposals (main at eae77e3). */
const BEFORE_PROPOSALS = 7;

const OLD_DRAFT = {
  id: 'd-old',
  negotiationId: 'default',
  title: 'An old draft',
  symbol: 'E/CN.15/2025/L.1',
  createdBy: 'u-chair',
  createdAt: '2026-05-01T09:00:00.000Z',
  updatedAt: '2026-05-01T09:00:00.000Z',
};

/** Writes a store as the code before proposals did: its migrations and a draft without an editing rule. */
function writeOldStore(dataDir: string): void {
  const db = sqliteStoreAt(dataDir, BEFORE_PROPOSALS);
  db.prepare(`INSERT INTO drafts (id, negotiation_id, title, symbol, created_by, created_at, updated_at)
    VALUES (@id, @negotiationId, @title, @symbol, @createdBy, @createdAt, @updatedAt)`).run(OLD_DRAFT);
  db.close();
}

describe('migration: a SQLite store written before proposals', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposals-migration-'));
    writeOldStore(dataDir);
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('opens at the current version with its drafts edited directly, and stores proposals from then on', async () => {
    const store = await openSqliteStore(dataDir);
    try {
      expect(await store.drafts.get('d-old')).toEqual({ ...OLD_DRAFT, editing: 'direct' });
      const proposal = makeProposal('d-old', { kind: 'delete', text: null });
      await store.proposals.create(proposal);
      expect(await store.proposals.listByDraft('d-old')).toEqual([proposal]);
      expect(await store.drafts.setEditing('d-old', 'proposals')).toEqual({ ...OLD_DRAFT, editing: 'proposals' });
    } finally {
      await store.close();
    }
    const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });
});
