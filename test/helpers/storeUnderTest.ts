import fs from 'node:fs';
import path from 'node:path';
import { dropMongoDatabase } from '../../server/store/mongo/dropMongoDatabase';

export interface MongoUnderTest {
  mongodbUrl: string | null;
  mongodbDatabase: string;
}

/**
 * Which store a test server uses: MongoDB when MONGODB_URL is set (as in CI's mongo job), the
 * embedded SQLite file otherwise. Each data dir gets its own database, named after the dir, so
 * a server restarted on the same dir finds its data again and parallel test files never meet.
 */
export function mongoUnderTest(dataDir: string): MongoUnderTest {
  const mongodbUrl = process.env.MONGODB_URL || null;
  return { mongodbUrl, mongodbDatabase: `test_${path.basename(dataDir).replace(/\W/g, '_')}`.slice(0, 60) };
}

/** Removes a test server's data: its folder and, under MongoDB, its database. */
export async function removeTestData(dataDir: string): Promise<void> {
  const { mongodbUrl, mongodbDatabase } = mongoUnderTest(dataDir);
  if (mongodbUrl) await dropMongoDatabase(mongodbUrl, mongodbDatabase);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
