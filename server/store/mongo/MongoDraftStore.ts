import type { Collection } from 'mongodb';
import type { DraftEditing } from '../../../shared/proposals';
import type { DraftHeading, DraftRecord, DraftStore } from '../types';
import type { DraftDoc } from './collections';
import { toDoc } from './docId';
import { insertUnique } from './insertUnique';

/** Drafts written before issue 11 have no `editing`: delegates edited them directly. */
function recordOf({ _id, editing = 'direct', ...doc }: DraftDoc): DraftRecord {
  return { id: _id, ...doc, editing };
}

export class MongoDraftStore implements DraftStore {
  constructor(private readonly drafts: Collection<DraftDoc>) {}

  async create(draft: DraftRecord): Promise<void> {
    await insertUnique(`Draft ${draft.id}`, () => this.drafts.insertOne(toDoc(draft)));
  }

  async get(id: string): Promise<DraftRecord | null> {
    const doc = await this.drafts.findOne({ _id: id });
    return doc ? recordOf(doc) : null;
  }

  async list(negotiationIds?: readonly string[]): Promise<DraftRecord[]> {
    const filter = negotiationIds ? { negotiationId: { $in: [...negotiationIds] } } : {};
    const docs = await this.drafts.find(filter).sort({ updatedAt: -1, _id: 1 }).toArray();
    return docs.map(recordOf);
  }

  async touch(id: string, at: string): Promise<void> {
    // The filter makes an older `at` a no-op, even when two touches race.
    await this.drafts.updateOne({ _id: id, updatedAt: { $lt: at } }, { $set: { updatedAt: at } });
  }

  async setHeading(id: string, { title, symbol }: DraftHeading): Promise<void> {
    await this.drafts.updateOne({ _id: id }, { $set: { title, symbol } });
  }

  async setEditing(id: string, editing: DraftEditing): Promise<DraftRecord | null> {
    const doc = await this.drafts.findOneAndUpdate({ _id: id }, { $set: { editing } }, { returnDocument: 'after' });
    return doc ? recordOf(doc) : null;
  }
}
