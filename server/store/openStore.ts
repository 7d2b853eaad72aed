import type { Config } from '../config';
import { openMongoStore } from './mongo/openMongoStore';
import { openSqliteStore } from './sqlite/openSqliteStore';
import type { Store } from './types';

/** dataDir holds the embedded SQLite file when no MongoDB URL is set. */
export type StoreOptions = Pick<
  Config,
  'dataDir' | 'mongodbUrl' | 'mongodbDatabase' | 'mongodbServerSelectionTimeoutMs' | 'mongodbOperationTimeoutMs'
>;

/** MongoDB when a URL is configured, the embedded SQLite file otherwise. */
export function openStore(options: StoreOptions): Promise<Store> {
  return options.mongodbUrl
    ? openMongoStore(options.mongodbUrl, options.mongodbDatabase, {
        serverSelectionMs: options.mongodbServerSelectionTimeoutMs,
        operationMs: options.mongodbOperationTimeoutMs,
      })
    : openSqliteStore(options.dataDir);
}
