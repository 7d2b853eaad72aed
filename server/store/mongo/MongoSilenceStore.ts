import type { Collection } from 'mongodb';
import type { SilenceBreak, SilenceState } from '../../../shared/silence';
import type { SilenceRecord, SilenceStore } from '../types';
import type { SilenceDoc } from './collections';

export class MongoSilenceStore implements SilenceStore {
  constructor(private readonly silences: Collection<SilenceDoc>) {}

  async create({ id, ...record }: SilenceRecord): Promise<void> {
    await this.silences.insertOne({ _id: id, ...record });
  }

  async latest(draftId: string): Promise<SilenceRecord | null> {
    const doc = await this.silences.find({ draftId }).sort({ startedAt: -1, _id: -1 }).limit(1).next();
    return doc ? recordOf(doc) : null;
  }

  async listOpen(): Promise<SilenceRecord[]> {
    return (await this.silences.find({ state: 'open' }).toArray()).map(recordOf);
  }

  async addBreak(id: string, entry: SilenceBreak): Promise<SilenceRecord | null> {
    const doc = await this.silences.findOneAndUpdate({ _id: id, state: 'open' }, { $push: { breaks: entry } }, { returnDocument: 'after' });
    return doc ? recordOf(doc) : null;
  }

  async end(id: string, state: Exclude<SilenceState, 'open'>, at: string): Promise<SilenceRecord | null> {
    const doc = await this.silences.findOneAndUpdate({ _id: id, state: 'open' }, { $set: { state, concludedAt: at } }, { returnDocument: 'after' });
    return doc ? recordOf(doc) : null;
  }
}

function recordOf({ _id, ...doc }: SilenceDoc): SilenceRecord {
  return { id: _id, ...doc };
}
