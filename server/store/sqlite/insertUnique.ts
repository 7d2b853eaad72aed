import Database from 'better-sqlite3';
import { DuplicateError } from '../types';

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Runs an insert, turning a unique-key failure into the store's DuplicateError. */
export function insertUnique(what: string, insert: () => unknown): void {
  try {
    insert();
  } catch (error) {
    if (error instanceof Database.SqliteError && UNIQUE_CODES.has(error.code)) throw new DuplicateError(what);
    throw error;
  }
}
