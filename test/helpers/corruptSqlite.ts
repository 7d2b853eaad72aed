import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../../server/store/sqlite/openSqliteStore';

export interface Flipped {
  /** The row's key: seq of a log entry or snapshot, id of a version. */
  key: string | number;
}

/**
 * Damages a stored blob the way a failing disk does: finds the newest row of `table` whose
 * `column` contains `word` (as UTF-8 bytes) and flips one bit of the word's second byte, so
 * the blob still decodes but says something else. Opens the file directly; the server must be
 * stopped.
 */
export function flipByteOfWord(dataDir: string, table: 'updates' | 'snapshots' | 'versions', word: string): Flipped {
  const keyColumn = table === 'versions' ? 'id' : 'seq';
  const column = { updates: 'data', snapshots: 'state', versions: 'state' }[table];
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
  try {
    // By rowid: a seq names an entry only together with its draft.
    const rows = db.prepare(`SELECT rowid, ${keyColumn} AS key, ${column} AS blob FROM ${table} ORDER BY rowid DESC`).all() as Array<{ rowid: number; key: string | number; blob: Buffer }>;
    const row = rows.find((r) => r.blob.includes(word));
    if (!row) throw new Error(`no ${table} row contains "${word}"`);
    const damaged = Buffer.from(row.blob);
    damaged[damaged.indexOf(word) + 1] ^= 0x01;
    db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`).run(damaged, row.rowid);
    return { key: row.key };
  } finally {
    db.close();
  }
}
