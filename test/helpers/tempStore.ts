import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../server/store/sqlite/openSqliteStore';
import type { Store } from '../../server/store/types';

export interface TempStore {
  store: Store;
  /** The folder holding the SQLite file. */
  dir: string;
  /** Closes the store and removes its folder. */
  dispose(): Promise<void>;
}

/** A real SQLite store in a fresh temporary folder. */
export async function openTempSqliteStore(): Promise<TempStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-unit-'));
  const store = await openSqliteStore(dir);
  return {
    store,
    dir,
    async dispose() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
