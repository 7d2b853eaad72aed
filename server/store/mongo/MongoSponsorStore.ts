import type { Collection } from 'mongodb';
import type { SponsorChange } from '../../../shared/sponsors';
import type { SponsorsRecord, SponsorStore } from '../types';
import type { SponsorsDoc } from './collections';

export class MongoSponsorStore implements SponsorStore {
  constructor(private readonly sponsors: Collection<SponsorsDoc>) {}

  async get(draftId: string): Promise<SponsorsRecord | null> {
    const doc = await this.sponsors.findOne({ _id: draftId });
    return doc && recordOf(doc);
  }

  async record(draftId: string, change: SponsorChange): Promise<SponsorsRecord> {
    // Plain values in $set and $push: no field path or operator is read from a delegation's name.
    const updated = await this.sponsors.findOneAndUpdate(
      { _id: draftId },
      { $set: { draftId, sponsors: change.sponsors, cosponsors: change.cosponsors }, $push: { history: change } },
      { upsert: true, returnDocument: 'after' },
    );
    if (!updated) throw new Error(`sponsors of draft ${draftId} neither written nor found`);
    return recordOf(updated);
  }
}

function recordOf({ _id: _, ...doc }: SponsorsDoc): SponsorsRecord {
  return doc;
}
