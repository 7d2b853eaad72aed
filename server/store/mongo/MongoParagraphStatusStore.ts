import type { Collection } from 'mongodb';
import type { StatusChange } from '../../../shared/paragraphs';
import type { ParagraphStatusRecord, ParagraphStatusStore } from '../types';
import type { ParagraphStatusDoc } from './collections';

export class MongoParagraphStatusStore implements ParagraphStatusStore {
  constructor(private readonly statuses: Collection<ParagraphStatusDoc>) {}

  async listForDraft(draftId: string): Promise<ParagraphStatusRecord[]> {
    const docs = await this.statuses.find({ draftId }).sort({ _id: 1 }).toArray();
    return docs.map(recordOf);
  }

  async record(draftId: string, paragraphId: string, change: Omit<StatusChange, 'from'>): Promise<ParagraphStatusRecord> {
    // One pipeline update: the change it appends reads the status it replaces in the same write.
    // Every value is a $literal: a note starting with "$" is text, not a field path.
    const literal = (value: unknown) => ({ $literal: value });
    const appended = { from: { $ifNull: ['$status', 'open'] }, ...Object.fromEntries(Object.entries(change).map(([key, value]) => [key, literal(value)])) };
    const updated = await this.statuses.findOneAndUpdate(
      { _id: `${draftId} ${paragraphId}` },
      [
        {
          $set: {
            draftId: literal(draftId),
            paragraphId: literal(paragraphId),
            status: literal(change.to),
            pending: literal(change.pending),
            history: { $concatArrays: [{ $ifNull: ['$history', []] }, [appended]] },
          },
        },
      ],
      { upsert: true, returnDocument: 'after' },
    );
    if (!updated) throw new Error(`status of paragraph ${paragraphId} neither written nor found`);
    return recordOf(updated);
  }
}

function recordOf({ _id: _, ...doc }: ParagraphStatusDoc): ParagraphStatusRecord {
  return doc;
}
