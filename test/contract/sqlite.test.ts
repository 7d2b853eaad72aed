import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../server/store/sqlite/openSqliteStore';
import { runConcurrentAppendsContract } from './concurrentAppendsContract';
import { runNamedVersionsContract } from './namedVersionsContract';
import { runStoreContract } from './storeContract';

// Every open() uses the same folder, so the reopen test finds the data again.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));

runStoreContract(
  'SQLite store contract',
  () => openSqliteStore(dataDir),
  async () => fs.rmSync(dataDir, { recursive: true, force: true }),
);

const sharedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-shared-'));

runConcurrentAppendsContract(
  'SQLite',
  () => openSqliteStore(sharedDir),
  async () => fs.rmSync(sharedDir, { recursive: true, force: true }),
);

const namingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-naming-'));

runNamedVersionsContract(
  'SQLite',
  () => openSqliteStore(namingDir),
  async () => fs.rmSync(namingDir, { recursive: true, force: true }),
);
