import type { Collection } from 'mongodb';
import type { NegotiationRecord, NegotiationStore } from '../types';
import type { NegotiationDoc } from './collections';
import { fromDoc, fromDocOrNull, toDoc } from './docId';
import { insertUnique } from './insertUnique';

export class MongoNegotiationStore implements NegotiationStore {
  constructor(private readonly negotiations: Collection<NegotiationDoc>) {}

  async create(negotiation: NegotiationRecord): Promise<void> {
    await insertUnique(`Negotiation ${negotiation.id}`, () => this.negotiations.insertOne(toDoc(negotiation)));
  }

  async get(id: string): Promise<NegotiationRecord | null> {
    return fromDocOrNull(await this.negotiations.findOne({ _id: id }));
  }

  async list(ids?: readonly string[]): Promise<NegotiationRecord[]> {
    const filter = ids ? { _id: { $in: [...ids] } } : {};
    const docs = await this.negotiations.find(filter).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map(fromDoc);
  }
}
