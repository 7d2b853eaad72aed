import net from 'node:net';
import { MongoClient, MongoServerSelectionError, ReadConcern, WriteConcern } from 'mongodb';
import { mongoClientOptions } from '../../../server/store/mongo/mongoClientOptions';
import { openMongoStore } from '../../../server/store/mongo/openMongoStore';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('MongoDB client options', () => {
  const options = mongoClientOptions({ serverSelectionMs: 2000, operationMs: 5000 });

  it('waits for a journaled majority on every write and reads only majority-committed data', () => {
    expect(options.writeConcern).toEqual({ w: 'majority', journal: true, wtimeoutMS: 5000 });
    expect(options.readConcern).toEqual({ level: 'majority' });
  });

  // The driver parses options when the client is built, without connecting: what it ends up with is what counts.
  it.each(['mongodb://localhost:27017', 'mongodb://h1,h2,h3/?replicaSet=rs0'])('are what the driver uses for %s', async (url) => {
    const client = new MongoClient(url, options);
    try {
      expect(client.writeConcern).toEqual(WriteConcern.fromOptions({ writeConcern: { w: 'majority', journal: true, wtimeoutMS: 5000 } }));
      expect(client.writeConcern).toMatchObject({ w: 'majority', journal: true });
      expect(client.readConcern).toEqual(new ReadConcern('majority'));
      expect(client.options).toMatchObject({ serverSelectionTimeoutMS: 2000, socketTimeoutMS: 5000, waitQueueTimeoutMS: 5000, connectTimeoutMS: 2000 });
    } finally {
      await client.close();
    }
  });

  it('keeps the replica set named in the connection string', async () => {
    const client = new MongoClient('mongodb://h1,h2,h3/?replicaSet=rs0', options);
    try {
      expect(client.options).toMatchObject({ replicaSet: 'rs0' });
      expect(client.options.hosts.map(String)).toEqual(['h1:27017', 'h2:27017', 'h3:27017']);
    } finally {
      await client.close();
    }
  });

  it('give up on an unreachable server after the server selection timeout instead of waiting forever', async () => {
    const url = `mongodb://127.0.0.1:${await closedPort()}/?directConnection=true`;
    const started = Date.now();
    await expect(openMongoStore(url, 'unused', { serverSelectionMs: 300, operationMs: 300 })).rejects.toBeInstanceOf(MongoServerSelectionError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
