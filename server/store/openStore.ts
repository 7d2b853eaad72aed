import { openMongoStore } from './mongo/openMongoStore';
import { openSqliteStore } from './sqlite/openSqliteStore';
import type { Store } from './types';

export interface StoreOptions {
  /** Holds the embedded SQLite file when no MongoDB URL is set. */
  dataDir: string;
  mongodbUrl: string | null;
  mongodbDatabase: string;
}

/** MongoDB when a URL is configured, the embedded SQLite file otherwise. */
export function openStore(options: StoreOptions): Promise<Store> {
  return options.mongodbUrl
    ? openMongoStore(options.mongodbUrl, options.mongodbDatabase)
    : openSqliteStore(options.dataDir);
}
