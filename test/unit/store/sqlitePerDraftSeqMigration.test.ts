import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checksumOf } from '../../../server/store/checksum';
import { openSqliteStore } from '../../../server/store/sqlite/openSqliteStore';
import type { StoredUpdate } from '../../../server/store/types';
import { sqliteStoreAt } from '../../helpers/sqliteStoreAt';

/** The schema version of the code before per-draft seqs (main at dd667dc). */
const BEFORE_PER_DRAFT_SEQS = 8;
const AT = '2026-05-01T09:00:00.000Z';

/** Writes a log as the code before did: one store-wide seq, two drafts interleaved, a snapshot of one. */
function writeOldStore(dataDir: string): void {
  const db = sqliteStoreAt(dataDir, BEFORE_PER_DRAFT_SEQS);
  const insert = db.prepare('INSERT INTO updates (draft_id, data, author_id, at, checksum) VALUES (?, ?, ?, ?, ?)');
  for (const [draftId, byte] of [['a', 1], ['b', 2], ['a', 3], ['b', 4], ['a', 5]] as const) {
    const data = Uint8Array.of(byte);
    insert.run(draftId, data, 'author', AT, checksumOf(data));
  }
  const state = Uint8Array.of(1, 3);
  db.prepare('INSERT INTO snapshots (draft_id, seq, state, checksum) VALUES (?, ?, ?, ?)').run('a', 3, state, checksumOf(state));
  db.close();
}

const bytes = (entries: StoredUpdate[]) => entries.map((e) => [e.seq, e.update[0]]);

describe('migration: a SQLite log written with one store-wide seq', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'per-draft-seq-migration-'));
    writeOldStore(dataDir);
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every entry at its old seq and its snapshot, and numbers new entries on from each draft\'s newest', async () => {
    const store = await openSqliteStore(dataDir);
    try {
      const a = await store.documents.load('a');
      expect(a.snapshot?.seq).toBe(3);
      expect(bytes(a.updates)).toEqual([[5, 5]]);
      expect(bytes((await store.documents.load('b')).updates)).toEqual([[2, 2], [4, 4]]);

      const appended = await store.documents.append([
        { draftId: 'a', update: Uint8Array.of(6), authorId: 'author', at: AT },
        { draftId: 'b', update: Uint8Array.of(7), authorId: 'author', at: AT },
      ]);
      expect(bytes(appended)).toEqual([[6, 6], [5, 7]]);
      expect(await store.documents.lastSeq('b')).toBe(5);
    } finally {
      await store.close();
    }
  });
});
