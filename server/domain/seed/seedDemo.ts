import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../auth/passwords';
import { toPublicUser } from '../../auth/authService';
import type { Logger } from '../../logger';
import type { Store, UserRecord } from '../../store/types';
import type { DraftService } from '../draftService';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demoAccounts';
import { DEMO_NEGOTIATIONS } from './demoNegotiations';

/** One line of the demo accounts table printed at start (an administrator has no negotiation). */
export interface SeededAccount {
  username: string;
  role: string;
  delegation: string;
  negotiation: string;
}

/**
 * Fills an empty store with the demo accounts, the two demo negotiations and their drafts, so
 * a newcomer can sign in right after `npm start`. Returns what it created (nothing if users existed).
 */
export async function seedDemo(store: Store, drafts: DraftService, logger: Logger): Promise<SeededAccount[]> {
  if ((await store.users.count()) > 0) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  const records: UserRecord[] = DEMO_ACCOUNTS.map(({ username, displayName, admin = false }) => ({
    id: randomUUID(),
    username,
    displayName,
    admin,
    passwordHash,
    createdAt: now,
  }));
  for (const record of records) await store.users.create(record);
  const byUsername = new Map(records.map((r) => [r.username, r]));
  const admin = records.find((r) => r.admin)!;
  const seeded: SeededAccount[] = [{ username: admin.username, role: 'admin', delegation: '', negotiation: '' }];

  for (const demo of DEMO_NEGOTIATIONS) {
    const negotiation = { id: randomUUID(), name: demo.name, body: demo.body, startsOn: demo.startsOn, endsOn: demo.endsOn, createdAt: now, createdBy: admin.id };
    await store.negotiations.create(negotiation);
    for (const { username, role, delegation } of demo.members) {
      const userId = byUsername.get(username)!.id;
      await store.memberships.put({ negotiationId: negotiation.id, userId, role, delegation, addedAt: now, addedBy: admin.id });
      seeded.push({ username, role, delegation, negotiation: negotiation.name });
    }
    const chair = demo.members.find((m) => m.role === 'facilitator')!;
    const creator = { ...toPublicUser(byUsername.get(chair.username)!), ...chair, negotiationId: negotiation.id, negotiationName: negotiation.name };
    await drafts.create(demo.draft, creator, 'Zero draft');
  }
  logger.info({ accounts: DEMO_ACCOUNTS.map((a) => a.username) }, 'seeded demo accounts, negotiations and drafts');
  return seeded;
}
