import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../auth/passwords';
import { toPublicUser } from '../../auth/authService';
import type { Logger } from '../../logger';
import type { Store, UserRecord } from '../../store/types';
import type { DraftService } from '../draftService';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demoAccounts';
import { DEMO_DRAFT } from './demoDraft';

/**
 * Fills an empty store with the demo accounts and the demo zero draft, so a newcomer can
 * sign in right after `npm start`. Returns the accounts it created (none if users existed).
 */
export async function seedDemo(store: Store, drafts: DraftService, logger: Logger): Promise<DemoAccount[]> {
  if ((await store.users.count()) > 0) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  const records: UserRecord[] = DEMO_ACCOUNTS.map((account) => ({ ...account, id: randomUUID(), passwordHash, createdAt: now }));
  for (const record of records) await store.users.create(record);
  if ((await store.drafts.list()).length === 0) {
    const facilitator = records.find((r) => r.role === 'facilitator') ?? records[0];
    await drafts.create(DEMO_DRAFT, toPublicUser(facilitator), 'Zero draft');
  }
  logger.info({ accounts: DEMO_ACCOUNTS.map((a) => a.username) }, 'seeded demo accounts and the demo draft');
  return DEMO_ACCOUNTS;
}
