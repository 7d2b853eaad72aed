import type { ClientSession, MongoClient, TransactionOptions } from 'mongodb';

/** Runs `work` as one transaction where the deployment has them; `session` is then the one to pass to every operation. */
export type Atomically = <T>(work: (session: ClientSession | undefined) => Promise<T>) => Promise<T>;

/**
 * Snapshot reads: every read in the transaction sees one point in time. The commit takes the
 * client's write concern (majority, journaled: see mongoClientOptions.ts), which also makes what
 * the transaction read majority-committed, so nothing it built on can be rolled back.
 */
const TRANSACTION: TransactionOptions = { readConcern: { level: 'snapshot' } };

/**
 * A replica set (or sharded cluster) runs the work in a transaction, which withTransaction
 * retries on a transient error (a write conflict, a step-down) and whose commit it retries
 * when the outcome is unknown. A standalone server has no transactions: the work runs as it is.
 */
export function atomically(client: MongoClient, transactions: boolean): Atomically {
  if (!transactions) return (work) => work(undefined);
  return (work) => client.withSession((session) => session.withTransaction(() => work(session), TRANSACTION));
}
