import type { Collection } from 'mongodb';
import type { AuditRecord, AuditStore } from '../types';
import type { AuditDoc } from './collections';
import { fromDoc, toDoc } from './docId';

/** Append-only: nothing here changes or deletes an entry. */
export class MongoAuditStore implements AuditStore {
  constructor(private readonly audit: Collection<AuditDoc>) {}

  async append(entry: AuditRecord): Promise<void> {
    await this.audit.insertOne(toDoc(entry));
  }

  async listByNegotiation(negotiationId: string | null, limit: number): Promise<AuditRecord[]> {
    const docs = await this.audit.find({ negotiationId }).sort({ at: -1, _id: -1 }).limit(limit).toArray();
    return docs.map(fromDoc);
  }
}
