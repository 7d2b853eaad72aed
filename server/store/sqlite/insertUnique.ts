import { DuplicateError } from '../types';

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Runs an insert, turning a unique-key failure into the store's DuplicateError; the insert's result otherwise. */
export function insertUnique<T>(what: string, insert: () => T): T {
  try {
    return insert();
  } catch (error) {
    // By code, not `instanceof Database.SqliteError`: the native addon keeps the error class of
    // the first copy of better-sqlite3 that loaded it, so a second module registry (jest runs one
    // per test file in a worker) gets errors that are not instances of its own class.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && UNIQUE_CODES.has(code)) throw new DuplicateError(what);
    throw error;
  }
}
