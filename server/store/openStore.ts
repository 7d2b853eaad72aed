import type { Config } from '../config';
import { openSqliteStore } from './sqlite/openSqliteStore';
import type { Store } from './types';

/** dataDir holds the embedded SQLite file when no MongoDB URL is set. */
export type StoreOptions = Pick<
  Config,
  'dataDir' | 'mongodbUrl' | 'mongodbDatabase' | 'mongodbServerSelectionTimeoutMs' | 'mongodbOperationTimeoutMs'
>;

/** MongoDB when a URL is configured, the embedded SQLite file otherwise. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (!options.mongodbUrl) return openSqliteStore(options.dataDir);
  // The MongoDB driver loads only when it is used: a server on SQLite does not hold it in memory.
  const { openMongoStore } = await import('./mongo/openMongoStore');
  return openMongoStore(options.mongodbUrl, options.mongodbDatabase, {
    serverSelectionMs: options.mongodbServerSelectionTimeoutMs,
    operationMs: options.mongodbOperationTimeoutMs,
  });
}
