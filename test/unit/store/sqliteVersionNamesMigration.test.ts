import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checksumOf } from '../../../server/store/checksum';
import { openSqliteStore } from '../../../server/store/sqlite/openSqliteStore';
import { SCHEMA_VERSION } from '../../../server/store/sqlite/schema';
import { VersionNameTakenError, type VersionRecord } from '../../../server/store/types';
import { sqliteStoreAt } from '../../helpers/sqliteStoreAt';

/** The schema version before names were unique in the store (the one before this migration). */
const BEFORE_UNIQUE_NAMES = SCHEMA_VERSION - 1;
const DRAFT = 'd-old';

function named(id: string, name: string, second: number): VersionRecord {
  const state = Uint8Array.of(second);
  return {
    id, draftId: DRAFT, kind: 'named', name, seq: second, size: 1, state,
    createdAt: `2026-05-01T09:00:0${second}.000Z`, createdBy: 'u-chair', createdByName: 'Chair',
  };
}

/** Two named versions of one draft with one name, as two instances could store them before. */
const OLD = [named('v-1', 'Rev.2', 1), named('v-2', 'rev.2', 2)];

function writeOldStore(dataDir: string): void {
  const db = sqliteStoreAt(dataDir, BEFORE_UNIQUE_NAMES);
  const insert = db.prepare(`INSERT INTO versions (id, draft_id, kind, name, created_at, created_by, created_by_name, seq, size, state, checksum)
    VALUES (@id, @draftId, @kind, @name, @createdAt, @createdBy, @createdByName, @seq, @size, @state, @checksum)`);
  for (const version of OLD) insert.run({ ...version, checksum: checksumOf(version.state) });
  db.close();
}

describe('migration: a SQLite store with two named versions of one name', () => {
  it('keeps both as they were, and refuses a name twice from then on', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'version-names-migration-'));
    writeOldStore(dataDir);
    const store = await openSqliteStore(dataDir);
    try {
      expect((await store.versions.list(DRAFT)).map((v) => [v.id, v.name])).toEqual([['v-2', 'rev.2'], ['v-1', 'Rev.2']]);
      expect((await store.versions.get('v-1'))?.state).toEqual(Buffer.from([1]));
      await store.versions.create(named('v-3', 'Rev.3', 3), { uniqueName: true });
      await expect(store.versions.create(named('v-4', 'REV.3', 4), { uniqueName: true })).rejects.toBeInstanceOf(VersionNameTakenError);
      expect((await store.versions.list(DRAFT)).map((v) => v.id)).toEqual(['v-3', 'v-2', 'v-1']);
    } finally {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
