export interface DemoAccount {
  username: string;
  displayName: string;
  /** A server administrator (creates accounts and negotiations, appoints facilitators). */
  admin?: boolean;
}

/** Every demo account signs in with this password (listed in the README). */
export const DEMO_PASSWORD = 'negotiate';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: 'Server administrator', admin: true },
  { username: 'chair', displayName: 'Facilitator' },
  { username: 'chair2', displayName: 'Chair of the Ad Hoc Committee' },
  { username: 'kazakhstan', displayName: 'Delegate of Kazakhstan' },
  { username: 'belarus', displayName: 'Delegate of Belarus' },
  { username: 'eu', displayName: 'Delegate of the European Union' },
  { username: 'usa', displayName: 'Delegate of the United States' },
  { username: 'philippines', displayName: 'Delegate of the Philippines' },
  { username: 'nigeria', displayName: 'Delegate of Nigeria' },
  { username: 'brazil', displayName: 'Delegate of Brazil' },
  { username: 'secretariat', displayName: 'UNODC Secretariat' },
];
