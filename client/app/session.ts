import type { SessionEndReason } from '../../shared/events';
import type { PublicUser } from '../../shared/user';
import type { RealtimeSocket } from '../api/realtime';

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

/**
 * Calls `onEnded` when the server ends this person's session on the realtime socket (token
 * expired, account removed, role changed) just before it disconnects; returns a function that
 * stops listening. The Yjs channel says the same with close code 4401.
 */
export function onSessionEnded(socket: Pick<RealtimeSocket, 'on' | 'off'>, onEnded: (reason: SessionEndReason) => void): () => void {
  const listener = ({ reason }: { reason: SessionEndReason }) => onEnded(reason);
  socket.on('session:ended', listener);
  return () => socket.off('session:ended', listener);
}
