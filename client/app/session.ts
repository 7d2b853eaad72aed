import type { PublicUser } from '../../shared/user';

export interface Session {
  token: string;
  user: PublicUser;
}

const KEY = 'negotiation-workspace.session';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { token, user } = value as Partial<Session>;
  return typeof token === 'string' && typeof user === 'object' && user !== null && typeof user.id === 'string';
}

/**
 * The signed-in person, kept in localStorage so that a shared draft link opened in
 * a new tab, or a reload on a flaky connection, does not ask to sign in again.
 */
export class SessionStore {
  constructor(private readonly storage: Storage) {}

  get(): Session | null {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(KEY) ?? 'null');
      return isSession(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  set(session: Session): void {
    this.storage.setItem(KEY, JSON.stringify(session));
  }

  clear(): void {
    this.storage.removeItem(KEY);
  }
}
