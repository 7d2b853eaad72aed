import { MongoServerError, type Collection } from 'mongodb';
import type { UpdateDoc } from './collections';

const NAMESPACE_NOT_FOUND = 26;
const INDEX_NOT_FOUND = 27;

/**
 * Seqs were unique across the store (index `seq_1`, allocated from a counter); now they count per
 * draft and (draftId, seq) is the unique key. Drops the old indexes so createIndexes can build the
 * new ones; the entries keep their seqs (unique per draft as they were unique overall), and each
 * draft's next entry continues after its newest. Idempotent, and safe when two servers start at once.
 */
export async function migrateToPerDraftSeqs(updates: Collection<UpdateDoc>): Promise<void> {
  for (const index of await existingIndexes(updates)) {
    const old = index.name === 'seq_1' || (index.name === 'draftId_1_seq_1' && index.unique !== true);
    if (old) await updates.dropIndex(index.name).catch(ignoreCode(INDEX_NOT_FOUND));
  }
}

async function existingIndexes(updates: Collection<UpdateDoc>): Promise<Array<{ name: string; unique?: boolean }>> {
  const indexes = await updates.listIndexes().toArray().catch(ignoreCode(NAMESPACE_NOT_FOUND, []));
  return indexes as Array<{ name: string; unique?: boolean }>;
}

function ignoreCode<T>(code: number, fallback?: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof MongoServerError && error.code === code) return fallback as T;
    throw error;
  };
}
