import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { loadConfig } from '../../server/config';
import { dropMongoDatabase } from '../../server/store/mongo/dropMongoDatabase';
import { openStore } from '../../server/store/openStore';

// A real server only (CI has a mongo:7 service), as for the store contract.
const mongodbUrl = process.env.MONGODB_URL ?? null;
const mongodbDatabase = `negotiations_migration_${randomUUID().replaceAll('-', '')}`;

(mongodbUrl ? describe : describe.skip)(
  mongodbUrl ? 'MongoDB: a database written before negotiations' : 'MongoDB: a database written before negotiations (set MONGODB_URL to run)',
  () => {
    const open = () => openStore({ ...loadConfig({}), mongodbUrl, mongodbDatabase });

    beforeAll(async () => {
      // What the code before negotiations wrote: global roles on accounts, drafts and comments without the new fields.
      const client = await MongoClient.connect(mongodbUrl!);
      try {
        const db = client.db(mongodbDatabase);
        await db.collection<{ _id: string } & Record<string, unknown>>('users').insertMany([
          { _id: 'u-chair', username: 'chair', displayName: 'Facilitator', delegation: 'Facilitator', role: 'facilitator', passwordHash: 'x', createdAt: '2026-05-01T09:00:00.000Z' },
          { _id: 'u-kz', username: 'kazakhstan', displayName: 'Delegate of Kazakhstan', delegation: 'Kazakhstan', role: 'delegate', passwordHash: 'x', createdAt: '2026-05-01T09:00:01.000Z' },
        ]);
        await db.collection<{ _id: string } & Record<string, unknown>>('drafts').insertOne({
          _id: 'd-old', title: 'An old draft', symbol: '', createdBy: 'u-chair', createdAt: '2026-05-01T09:00:00.000Z', updatedAt: '2026-05-01T09:00:00.000Z',
        });
        await db.collection<{ _id: string } & Record<string, unknown>>('comments').insertOne({
          _id: 'c-old', draftId: 'd-old', threadId: 'c-old', authorId: 'u-kz', authorName: 'Delegate of Kazakhstan', delegation: 'Kazakhstan',
          text: 'An old comment', anchor: null, createdAt: '2026-05-01T09:01:00.000Z', editedAt: null, deletedAt: null, resolvedAt: null, resolvedBy: null,
        });
      } finally {
        await client.close();
      }
    });
    afterAll(() => dropMongoDatabase(mongodbUrl!, mongodbDatabase));

    it('moves drafts into a default negotiation with every account a member in its old role, once however often it opens', async () => {
      for (let opening = 0; opening < 2; opening++) {
        const store = await open();
        try {
          expect(await store.drafts.get('d-old')).toMatchObject({ negotiationId: 'default', editing: 'direct' });
          expect(await store.drafts.list()).toEqual([expect.objectContaining({ id: 'd-old', editing: 'direct' })]);
          expect((await store.memberships.listByNegotiation('default')).map(({ userId, role, delegation }) => ({ userId, role, delegation }))).toEqual([
            { userId: 'u-chair', role: 'facilitator', delegation: 'Facilitator' },
            { userId: 'u-kz', role: 'delegate', delegation: 'Kazakhstan' },
          ]);
          expect(await store.users.findById('u-chair')).toEqual(expect.objectContaining({ admin: true }));
          expect(await store.users.findById('u-kz')).not.toHaveProperty('role');
          expect(await store.comments.get('c-old')).toMatchObject({ visibility: 'all' });
          expect(await store.negotiations.list()).toHaveLength(1);
        } finally {
          await store.close();
        }
      }
    });
  },
);
