import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../server/store/sqlite/openSqliteStore';
import type { Store } from '../../server/store/types';
import { runConcurrentAppendsContract } from './concurrentAppendsContract';
import { runNamedVersionsContract } from './namedVersionsContract';
import { runStoreContract } from './storeContract';

/** Opening and removing one folder: every open() uses it, so the reopen test finds the data again. */
function folder(prefix: string): [() => Promise<Store>, () => Promise<void>] {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return [() => openSqliteStore(dataDir), async () => fs.rmSync(dataDir, { recursive: true, force: true })];
}

runStoreContract('SQLite store contract', ...folder('store-contract-'));
runConcurrentAppendsContract('SQLite', ...folder('store-contract-shared-'));
runNamedVersionsContract('SQLite', ...folder('store-contract-naming-'));
