import type { IndexDescription } from 'mongodb';
import type { Collections } from './collections';

/** The unique index of named versions' names per draft: only documents with a nameKey obey it (see docs/DESIGN.md). */
export const NAMED_VERSIONS_INDEX = 'versions_named';

/** _id ends the sorted indexes because the queries break ties on it. Snapshots need none: their _id is the draft id. */
const INDEXES: { [K in keyof Collections]?: IndexDescription[] } = {
  users: [{ key: { username: 1 }, unique: true }],
  drafts: [{ key: { updatedAt: -1, _id: 1 } }, { key: { negotiationId: 1, updatedAt: -1, _id: 1 } }],
  memberships: [{ key: { negotiationId: 1, addedAt: 1, userId: 1 } }, { key: { userId: 1, addedAt: 1, negotiationId: 1 } }],
  audit: [{ key: { negotiationId: 1, at: -1, _id: -1 } }],
  updates: [
    { key: { draftId: 1, seq: 1 }, unique: true },
    { key: { batchId: 1, batchIndex: 1 }, unique: true, partialFilterExpression: { batchId: { $exists: true } } },
  ],
  comments: [{ key: { draftId: 1, createdAt: 1, _id: 1 } }, { key: { threadId: 1, createdAt: 1, _id: 1 } }],
  versions: [
    { key: { draftId: 1, createdAt: -1, _id: -1 } },
    { key: { draftId: 1, kind: 1, createdAt: -1, _id: -1 } },
    { key: { draftId: 1, nameKey: 1 }, name: NAMED_VERSIONS_INDEX, unique: true, partialFilterExpression: { nameKey: { $type: 'string' } } },
  ],
  paragraphStatuses: [{ key: { draftId: 1, _id: 1 } }],
  silences: [{ key: { draftId: 1, startedAt: -1 } }, { key: { state: 1 } }],
  proposals: [{ key: { draftId: 1, createdAt: 1, _id: 1 } }, { key: { draftId: 1, delegation: 1, status: 1 } }, { key: { draftId: 1, authorId: 1, createdAt: 1 } }],
};

/**
 * Idempotent: creating an index that exists is a no-op. One createIndexes command per collection,
 * one collection after the other: concurrent index builds that implicitly create the same new
 * collection can fail with a namespace conflict, and a sequence gives a clear first error.
 */
export async function createIndexes(c: Collections): Promise<void> {
  for (const [name, indexes] of Object.entries(INDEXES) as Array<[keyof Collections, IndexDescription[]]>) {
    await c[name].createIndexes(indexes);
  }
}
