import { randomUUID } from 'node:crypto';
import { Binary, MongoClient } from 'mongodb';
import { loadConfig } from '../../server/config';
import { checksumOf } from '../../server/store/checksum';
import { dropMongoDatabase } from '../../server/store/mongo/dropMongoDatabase';
import { openStore } from '../../server/store/openStore';

// A real server only (CI has a MongoDB service), as for the store contract.
const mongodbUrl = process.env.MONGODB_URL ?? null;
const mongodbDatabase = `per_draft_seqs_migration_${randomUUID().replaceAll('-', '')}`;
const AT = '2026-05-01T09:00:00.000Z';

(mongodbUrl ? describe : describe.skip)(
  mongodbUrl ? 'MongoDB: a log written with one store-wide seq' : 'MongoDB: a log written with one store-wide seq (set MONGODB_URL to run)',
  () => {
    const open = () => openStore({ ...loadConfig({}), mongodbUrl, mongodbDatabase });

    beforeAll(async () => {
      // What the code before wrote: seqs from one counter, unique over the store, two drafts interleaved.
      const client = await MongoClient.connect(mongodbUrl!);
      try {
        const updates = client.db(mongodbDatabase).collection('updates');
        await updates.createIndexes([{ key: { seq: 1 }, unique: true }, { key: { draftId: 1, seq: 1 } }]);
        await updates.insertMany(
          (
            [
              ['a', 1],
              ['b', 2],
              ['a', 3],
              ['b', 4],
              ['a', 5],
            ] as const
          ).map(([draftId, seq]) => ({ seq, draftId, update: new Binary(Uint8Array.of(seq)), authorId: 'author', at: AT, checksum: checksumOf(Uint8Array.of(seq)) })),
        );
        await client.db(mongodbDatabase).collection('counters').insertOne({ _id: 'updates' as never, seq: 5 });
      } finally {
        await client.close();
      }
    });
    afterAll(() => dropMongoDatabase(mongodbUrl!, mongodbDatabase));

    it('keeps every entry at its old seq and numbers new ones on from each draft\'s newest, however often it opens', async () => {
      for (let opening = 0; opening < 2; opening++) {
        const store = await open();
        try {
          const next = await store.documents.append([
            { draftId: 'a', update: Uint8Array.of(10 + opening), authorId: 'author', at: AT },
            { draftId: 'b', update: Uint8Array.of(20 + opening), authorId: 'author', at: AT },
          ]);
          expect(next.map((entry) => entry.seq)).toEqual([6 + opening, 5 + opening]);
          const a = await store.documents.load('a');
          expect(a.updates.map((entry) => [entry.seq, entry.update[0]])).toEqual([[1, 1], [3, 3], [5, 5], ...[10, 11].slice(0, opening + 1).map((byte, i) => [6 + i, byte])]);
        } finally {
          await store.close();
        }
      }
    });
  },
);
