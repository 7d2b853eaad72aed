import type { Collection, MongoClient } from 'mongodb';
import type { UpdateDoc } from './collections';

export type InsertUpdates = (docs: UpdateDoc[]) => Promise<void>;

/**
 * Inserts a batch of log entries so that either all or none remain: in a transaction where
 * the deployment has them; otherwise an ordered insert whose partial result is deleted again
 * on failure (the batch's seqs were reserved for it, so the range holds nothing else).
 */
export function allOrNothingInsert(client: MongoClient, updates: Collection<UpdateDoc>, transactions: boolean): InsertUpdates {
  if (transactions) {
    return (docs) =>
      client.withSession((session) =>
        session.withTransaction(async () => {
          await updates.insertMany(docs, { session });
        }),
      );
  }
  return async (docs) => {
    try {
      await updates.insertMany(docs, { ordered: true });
    } catch (error) {
      await updates.deleteMany({ seq: { $gte: docs[0].seq, $lte: docs[docs.length - 1].seq } });
      throw error;
    }
  };
}
