import type { Collection } from 'mongodb';
import type { MembershipRecord, MembershipStore } from '../types';
import type { MembershipDoc } from './collections';

const keyOf = (negotiationId: string, userId: string) => `${negotiationId} ${userId}`;

function fromDoc({ _id, ...record }: MembershipDoc): MembershipRecord {
  return record;
}

export class MongoMembershipStore implements MembershipStore {
  constructor(private readonly memberships: Collection<MembershipDoc>) {}

  async put(membership: MembershipRecord): Promise<'added' | 'updated'> {
    const { role, delegation, ...firstAdded } = membership;
    // A changed membership keeps when and by whom it was first added.
    const result = await this.memberships.updateOne(
      { _id: keyOf(membership.negotiationId, membership.userId) },
      { $set: { role, delegation }, $setOnInsert: firstAdded },
      { upsert: true },
    );
    return result.upsertedCount === 1 ? 'added' : 'updated';
  }

  async get(negotiationId: string, userId: string): Promise<MembershipRecord | null> {
    const doc = await this.memberships.findOne({ _id: keyOf(negotiationId, userId) });
    return doc ? fromDoc(doc) : null;
  }

  async listByNegotiation(negotiationId: string): Promise<MembershipRecord[]> {
    const docs = await this.memberships.find({ negotiationId }).sort({ addedAt: 1, userId: 1 }).toArray();
    return docs.map(fromDoc);
  }

  async listByUser(userId: string): Promise<MembershipRecord[]> {
    const docs = await this.memberships.find({ userId }).sort({ addedAt: 1, negotiationId: 1 }).toArray();
    return docs.map(fromDoc);
  }

  async remove(negotiationId: string, userId: string): Promise<boolean> {
    return (await this.memberships.deleteOne({ _id: keyOf(negotiationId, userId) })).deletedCount === 1;
  }
}
