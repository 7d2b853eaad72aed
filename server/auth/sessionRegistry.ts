import type { SessionEndReason } from '../../shared/events';
import type { PublicUser } from '../../shared/user';

export type { SessionEndReason };

/** What a transport learns when it authenticates a connection (AuthService.session). */
export interface SessionGrant {
  user: PublicUser;
  /** When the token expires, in milliseconds since the epoch. */
  expiresAt: number;
  /** The user's access generation read before the account was (see SessionRegistry.generation). */
  generation: number;
}

export type SessionTransport = 'yjs' | 'socketio';

interface LiveSession {
  transport: SessionTransport;
  end(reason: SessionEndReason): void;
}

/** setTimeout takes at most 2^31-1 ms (about 24.8 days); a longer delay fires at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Every live connection of every user, so that the end of someone's access (token expiry,
 * account removed, role changed) closes their connections at once instead of letting them
 * keep editing. Both transports register here; AccountService ends sessions here.
 * In-process: several instances would relay `endAll` to each other (see docs/DESIGN.md).
 */
export class SessionRegistry {
  private readonly byUser = new Map<string, Set<LiveSession>>();
  /** Bumped by every endAll: a grant read before the bump is stale when it is opened. */
  private readonly changes = new Map<string, { generation: number; reason: SessionEndReason }>();

  /** How many times this user's access has changed in this process (read before reading the account). */
  generation(userId: string): number {
    return this.changes.get(userId)?.generation ?? 0;
  }

  /**
   * Registers a live connection; `end` runs once when its access ends (at once when it already
   * has: the token expired, or the account changed while it was being authenticated).
   * Returns the function the transport calls when the connection closes.
   */
  open(grant: SessionGrant, transport: SessionTransport, end: (reason: SessionEndReason) => void): () => void {
    const userId = grant.user.id;
    const change = this.changes.get(userId);
    if (change && grant.generation !== change.generation) return endNow(end, change.reason);
    if (grant.expiresAt <= Date.now()) return endNow(end, 'expired');

    const sessions = this.byUser.get(userId) ?? new Set<LiveSession>();
    this.byUser.set(userId, sessions);
    let stopTimer = () => {};
    const session: LiveSession = {
      transport,
      end: (reason) => {
        close();
        end(reason);
      },
    };
    const close = () => {
      stopTimer();
      sessions.delete(session);
      if (sessions.size === 0 && this.byUser.get(userId) === sessions) this.byUser.delete(userId);
    };
    sessions.add(session);
    stopTimer = runAt(grant.expiresAt, () => session.end('expired'));
    return close;
  }

  /** Live connections of a user on one transport. */
  count(userId: string, transport: SessionTransport): number {
    let count = 0;
    for (const session of this.byUser.get(userId) ?? []) if (session.transport === transport) count++;
    return count;
  }

  /** Ends every live connection of a user, and those authenticated before this call that open later. */
  endAll(userId: string, reason: SessionEndReason): number {
    this.changes.set(userId, { generation: this.generation(userId) + 1, reason });
    const sessions = [...(this.byUser.get(userId) ?? [])];
    for (const session of sessions) session.end(reason);
    return sessions.length;
  }
}

function endNow(end: (reason: SessionEndReason) => void, reason: SessionEndReason): () => void {
  end(reason);
  return () => {};
}

/** Runs `task` at a wall-clock time, however far away; returns a function that cancels it. */
function runAt(when: number, task: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const delay = when - Date.now();
    if (delay <= 0) return task();
    timer = setTimeout(arm, Math.min(delay, LONGEST_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
