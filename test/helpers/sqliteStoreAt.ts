import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../../server/store/sqlite/openSqliteStore';
import { MIGRATIONS } from '../../server/store/sqlite/schema';

/** A store file in `dataDir` as the code at schema `version` left it (its migrations only), open for the test to fill. */
export function sqliteStoreAt(dataDir: string, version: number): Database.Database {
  const db = new Database(path.join(dataDir, SQLITE_FILE_NAME));
  for (const migration of MIGRATIONS.slice(0, version)) db.exec(migration);
  db.pragma(`user_version = ${version}`);
  return db;
}
