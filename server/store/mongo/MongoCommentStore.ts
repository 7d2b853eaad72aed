import type { Collection, Filter } from 'mongodb';
import { commentPatchEntries } from '../commentPatchEntries';
import type { CommentPatch, CommentRecord, CommentStore } from '../types';
import type { CommentDoc } from './collections';
import { fromDoc, fromDocOrNull, toDoc } from './docId';
import { insertUnique } from './insertUnique';

export class MongoCommentStore implements CommentStore {
  constructor(private readonly comments: Collection<CommentDoc>) {}

  async create(comment: CommentRecord): Promise<void> {
    await insertUnique(`Comment ${comment.id}`, () => this.comments.insertOne(toDoc(comment)));
  }

  async get(id: string): Promise<CommentRecord | null> {
    return fromDocOrNull(await this.comments.findOne({ _id: id }));
  }

  async update(id: string, patch: CommentPatch): Promise<CommentRecord | null> {
    const entries = commentPatchEntries(patch);
    // An empty $set is an error, and an empty patch changes nothing anyway.
    if (entries.length === 0) return this.get(id);
    const doc = await this.comments.findOneAndUpdate({ _id: id }, { $set: Object.fromEntries(entries) }, { returnDocument: 'after' });
    return fromDocOrNull(doc);
  }

  async listByDraft(draftId: string): Promise<CommentRecord[]> {
    return this.oldestFirst({ draftId });
  }

  async listThread(threadId: string): Promise<CommentRecord[]> {
    return this.oldestFirst({ threadId });
  }

  async countOpenThreads(draftId: string): Promise<number> {
    // A thread's root is the comment whose id is its thread's id.
    return this.comments.countDocuments({ draftId, resolvedAt: null, $expr: { $eq: ['$_id', '$threadId'] } });
  }

  async countReplies(threadId: string): Promise<number> {
    return this.comments.countDocuments({ threadId, _id: { $ne: threadId } });
  }

  async countByAuthorSince(draftId: string, authorId: string, since: string): Promise<number> {
    return this.comments.countDocuments({ draftId, authorId, createdAt: { $gte: since } });
  }

  /** _id breaks ties between comments made in the same millisecond, as in the SQLite adapter. */
  private async oldestFirst(filter: Filter<CommentDoc>): Promise<CommentRecord[]> {
    const docs = await this.comments.find(filter).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map(fromDoc);
  }
}
