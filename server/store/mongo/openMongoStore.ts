import { MongoClient } from 'mongodb';
import { CorruptionLog } from '../corruption';
import type { Store } from '../types';
import { StoredDataVerifier } from '../verifyStored';
import { atomically } from './atomically';
import { collections } from './collections';
import { createIndexes } from './createIndexes';
import { mongoClientOptions, type MongoTimeouts } from './mongoClientOptions';
import { migrateToNegotiations } from './migrateToNegotiations';
import { migrateToPerDraftSeqs } from './migrateToPerDraftSeqs';
import { MongoAuditStore } from './MongoAuditStore';
import { MongoClientIdStore } from './MongoClientIdStore';
import { MongoParagraphStatusStore } from './MongoParagraphStatusStore';
import { MongoProposalStore } from './MongoProposalStore';
import { MongoSponsorStore } from './MongoSponsorStore';
import { MongoSilenceStore } from './MongoSilenceStore';
import { MongoCommentStore } from './MongoCommentStore';
import { MongoDocumentStore } from './MongoDocumentStore';
import { MongoDraftStore } from './MongoDraftStore';
import { MongoMembershipStore } from './MongoMembershipStore';
import { MongoNegotiationStore } from './MongoNegotiationStore';
import { MongoUserStore } from './MongoUserStore';
import { MongoVersionStore } from './MongoVersionStore';
import { supportsTransactions } from './supportsTransactions';

/** Connects, makes sure the indexes exist, and returns the store on database `dbName`. */
export async function openMongoStore(url: string, dbName: string, timeouts: MongoTimeouts): Promise<Store> {
  const client = await MongoClient.connect(url, mongoClientOptions(timeouts));
  try {
    const db = client.db(dbName);
    const c = collections(db);
    await migrateToPerDraftSeqs(c.updates);
    await createIndexes(c);
    await migrateToNegotiations(c);
    const inTransactions = atomically(client, await supportsTransactions(db));
    const corruption = new CorruptionLog();
    const verify = new StoredDataVerifier(corruption);
    return {
      users: new MongoUserStore(c.users),
      negotiations: new MongoNegotiationStore(c.negotiations),
      memberships: new MongoMembershipStore(c.memberships),
      audit: new MongoAuditStore(c.audit),
      drafts: new MongoDraftStore(c.drafts),
      documents: new MongoDocumentStore(c.updates, c.snapshots, inTransactions, verify),
      comments: new MongoCommentStore(c.comments),
      versions: new MongoVersionStore(c.versions, verify),
      corruption,
      clientIds: new MongoClientIdStore(c.clientIds),
      paragraphStatuses: new MongoParagraphStatusStore(c.paragraphStatuses),
      sponsors: new MongoSponsorStore(c.sponsors),
      silences: new MongoSilenceStore(c.silences),
      proposals: new MongoProposalStore(c.proposals),
      async ping() {
        await db.command({ ping: 1 });
      },
      async close() {
        await client.close();
      },
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}
