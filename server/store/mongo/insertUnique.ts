import { MongoServerError } from 'mongodb';
import { DuplicateError } from '../types';

const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/** Runs an insert, turning a duplicate-key failure into the store's DuplicateError. */
export async function insertUnique(what: string, insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new DuplicateError(what);
    throw error;
  }
}
