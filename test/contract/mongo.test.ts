import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../server/config';
import { dropMongoDatabase } from '../../server/store/mongo/dropMongoDatabase';
import { openStore } from '../../server/store/openStore';
import type { Store } from '../../server/store/types';
import { runConcurrentAppendsContract } from './concurrentAppendsContract';
import { runNamedVersionsContract } from './namedVersionsContract';
import { runStoreContract } from './storeContract';

// A real server only (CI has a mongo:7 service): an in-memory imitation would prove little.
const mongodbUrl = process.env.MONGODB_URL ?? null;
// Every open() uses the same database, so the reopen test finds the data again.
const mongodbDatabase = `store_contract_${randomUUID().replaceAll('-', '')}`;

(mongodbUrl ? describe : describe.skip)(
  mongodbUrl ? 'MongoDB store contract' : 'MongoDB store contract (set MONGODB_URL to run)',
  () => {
    /** Opening and dropping one database of this run. */
    const database = (name: string): [() => Promise<Store>, () => Promise<void>] => [
      () => openStore({ ...loadConfig({}), mongodbUrl, mongodbDatabase: name }),
      async () => {
        if (mongodbUrl) await dropMongoDatabase(mongodbUrl, name);
      },
    ];
    runStoreContract('MongoDB', ...database(mongodbDatabase));
    // Two clients, as two instances have, on databases of their own.
    runConcurrentAppendsContract('MongoDB', ...database(`${mongodbDatabase}_shared`));
    runNamedVersionsContract('MongoDB', ...database(`${mongodbDatabase}_naming`));
  },
);
