import type { Collections } from './collections';

/** The negotiation that earlier drafts and accounts move into (as in the SQLite migration). */
const MIGRATED_NEGOTIATION_ID = 'default';

/**
 * Moves a database written before negotiations existed into the model: drafts without a
 * negotiation go into a default one, every account with a global role becomes a member of it
 * with that role and delegation, and facilitators (who ran the whole server) become admins.
 * Comments without a visibility become visible to all, as they were. Idempotent: each step only touches documents still in the old shape, so a second server
 * starting at the same time, or a run cut short, finishes the same work.
 */
export async function migrateToNegotiations(c: Collections): Promise<void> {
  // Comments from before visibility existed were seen by everyone.
  await c.comments.updateMany({ visibility: { $exists: false } }, { $set: { visibility: 'all' } });
  const oldUsers = await c.users.find({ role: { $exists: true } } as object).toArray();
  const oldDrafts = await c.drafts.countDocuments({ negotiationId: { $exists: false } });
  if (oldUsers.length === 0 && oldDrafts === 0) return;
  const now = new Date().toISOString();
  await c.negotiations.updateOne(
    { _id: MIGRATED_NEGOTIATION_ID },
    { $setOnInsert: { name: 'Negotiation', body: '', startsOn: null, endsOn: null, createdAt: now, createdBy: 'migration' } },
    { upsert: true },
  );
  for (const user of oldUsers as Array<(typeof oldUsers)[number] & { role: string; delegation: string }>) {
    await c.memberships.updateOne(
      { _id: `${MIGRATED_NEGOTIATION_ID} ${user._id}` },
      {
        $setOnInsert: {
          negotiationId: MIGRATED_NEGOTIATION_ID,
          userId: user._id,
          role: user.role as 'facilitator' | 'delegate' | 'observer',
          delegation: user.delegation,
          addedAt: user.createdAt,
          addedBy: 'migration',
        },
      },
      { upsert: true },
    );
    await c.users.updateOne({ _id: user._id }, { $set: { admin: user.role === 'facilitator' }, $unset: { role: '', delegation: '' } } as object);
  }
  await c.drafts.updateMany({ negotiationId: { $exists: false } }, { $set: { negotiationId: MIGRATED_NEGOTIATION_ID } });
}
