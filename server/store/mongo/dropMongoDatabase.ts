import { MongoClient } from 'mongodb';

/** For tests that each run on a throwaway database: the rest of the code never imports the driver. */
export async function dropMongoDatabase(url: string, dbName: string): Promise<void> {
  const client = await MongoClient.connect(url);
  try {
    await client.db(dbName).dropDatabase();
  } finally {
    await client.close();
  }
}
