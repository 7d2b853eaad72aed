import path from 'node:path';
import Database from 'better-sqlite3';
import { checksumOf, matchesChecksum } from '../../../server/store/checksum';
import { CorruptDataError } from '../../../server/store/corruption';
import { SQLITE_FILE_NAME } from '../../../server/store/sqlite/openSqliteStore';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';

describe('checksums of stored blobs', () => {
  it('match the bytes they were computed from and nothing else', () => {
    const bytes = Uint8Array.from([1, 2, 3, 4]);
    expect(matchesChecksum(bytes, checksumOf(bytes))).toBe(true);
    expect(matchesChecksum(Uint8Array.from([1, 2, 3, 5]), checksumOf(bytes))).toBe(false);
  });

  it('count a row written before checksums existed as intact', () => {
    expect(matchesChecksum(Uint8Array.from([9]), null)).toBe(true);
  });

  describe('in the SQLite store', () => {
    let temp: TempStore;
    let raw: Database.Database;
    beforeEach(async () => {
      temp = await openTempSqliteStore();
      raw = new Database(path.join(temp.dir, SQLITE_FILE_NAME));
    });
    afterEach(async () => {
      raw.close();
      await temp.dispose();
    });

    it('reads rows without a checksum (written before the migration) as before', async () => {
      const { store } = temp;
      const [entry] = await store.documents.append([{ draftId: 'd', update: Uint8Array.from([7]), authorId: 'a', at: new Date().toISOString() }]);
      await store.documents.saveSnapshot('d', { state: Uint8Array.from([8]), seq: 0 });
      raw.exec('UPDATE updates SET checksum = NULL; UPDATE snapshots SET checksum = NULL');
      const loaded = await store.documents.load('d');
      expect(loaded.corrupt).toEqual([]);
      expect([...loaded.snapshot!.state]).toEqual([8]);
      expect(loaded.updates.map((u) => u.seq)).toEqual([entry.seq]);
    });

    it('refuses a version whose state no longer matches, and notes it once', async () => {
      const { store } = temp;
      const state = Uint8Array.from([1, 2, 3]);
      const meta = { id: 'v1', draftId: 'd', kind: 'named' as const, name: 'Rev.1', createdAt: new Date().toISOString(), createdBy: null, createdByName: null, seq: 0, size: 3 };
      await store.versions.create({ ...meta, state });
      raw.prepare('UPDATE versions SET state = ? WHERE id = ?').run(Buffer.from([1, 2, 4]), 'v1');
      await expect(store.versions.get('v1')).rejects.toBeInstanceOf(CorruptDataError);
      await expect(store.versions.get('v1')).rejects.toThrow('stored version v1 of draft d fails its checksum');
      expect(store.corruption.report().records).toEqual([expect.objectContaining({ draftId: 'd', kind: 'version', ref: 'v1' })]);
    });
  });
});
