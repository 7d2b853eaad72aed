import type { Collections } from './collections';

/**
 * Idempotent: createIndex is a no-op when the same index exists. _id ends the sorted indexes
 * because the queries break ties on it. Snapshots need none: their _id is the draft id.
 */
export async function createIndexes(c: Collections): Promise<void> {
  await Promise.all([
    c.users.createIndex({ username: 1 }, { unique: true }),
    c.drafts.createIndex({ updatedAt: -1, _id: 1 }),
    c.updates.createIndex({ seq: 1 }, { unique: true }),
    c.updates.createIndex({ draftId: 1, seq: 1 }),
    c.comments.createIndex({ draftId: 1, createdAt: 1, _id: 1 }),
    c.comments.createIndex({ threadId: 1, createdAt: 1, _id: 1 }),
    c.versions.createIndex({ draftId: 1, createdAt: -1, _id: -1 }),
    c.versions.createIndex({ draftId: 1, kind: 1, createdAt: -1, _id: -1 }),
  ]);
}
