import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../server/config';
import { dropMongoDatabase } from '../../server/store/mongo/dropMongoDatabase';
import { openStore } from '../../server/store/openStore';
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
    runStoreContract(
      'MongoDB',
      () => openStore({ ...loadConfig({}), mongodbUrl, mongodbDatabase }),
      async () => {
        if (mongodbUrl) await dropMongoDatabase(mongodbUrl, mongodbDatabase);
      },
    );
    // Two clients, as two instances have, on a database of their own.
    const sharedDatabase = `${mongodbDatabase}_shared`;
    runConcurrentAppendsContract(
      'MongoDB',
      () => openStore({ ...loadConfig({}), mongodbUrl, mongodbDatabase: sharedDatabase }),
      async () => {
        if (mongodbUrl) await dropMongoDatabase(mongodbUrl, sharedDatabase);
      },
    );
    const namingDatabase = `${mongodbDatabase}_naming`;
    runNamedVersionsContract(
      'MongoDB',
      () => openStore({ ...loadConfig({}), mongodbUrl, mongodbDatabase: namingDatabase }),
      async () => {
        if (mongodbUrl) await dropMongoDatabase(mongodbUrl, namingDatabase);
      },
    );
  },
);
