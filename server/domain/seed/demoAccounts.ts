import type { Role } from '../../../shared/roles';

export interface DemoAccount {
  username: string;
  displayName: string;
  delegation: string;
  role: Role;
}

/** Every demo account signs in with this password (listed in the README). */
export const DEMO_PASSWORD = 'negotiate';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'chair', displayName: 'Facilitator', delegation: 'Facilitator', role: 'facilitator' },
  { username: 'kazakhstan', displayName: 'Delegate of Kazakhstan', delegation: 'Kazakhstan', role: 'delegate' },
  { username: 'belarus', displayName: 'Delegate of Belarus', delegation: 'Belarus', role: 'delegate' },
  { username: 'eu', displayName: 'Delegate of the European Union', delegation: 'European Union', role: 'delegate' },
  { username: 'usa', displayName: 'Delegate of the United States', delegation: 'United States', role: 'delegate' },
  { username: 'philippines', displayName: 'Delegate of the Philippines', delegation: 'Philippines', role: 'delegate' },
  { username: 'nigeria', displayName: 'Delegate of Nigeria', delegation: 'Nigeria', role: 'delegate' },
  { username: 'secretariat', displayName: 'UNODC Secretariat', delegation: 'Secretariat', role: 'observer' },
];
