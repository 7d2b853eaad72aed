import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../server/store/openStore';
import { runStoreContract } from './storeContract';

// Every open() uses the same folder, so the reopen test finds the data again.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-contract-'));

runStoreContract(
  'SQLite store contract',
  () => openStore({ dataDir, mongodbUrl: null, mongodbDatabase: 'unused' }),
  async () => fs.rmSync(dataDir, { recursive: true, force: true }),
);
