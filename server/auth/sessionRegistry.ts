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

/** An end of access decided on one instance, that every instance applies to its own connections. */
export type SessionEnd =
  | { kind: 'account'; userId: string; reason: SessionEndReason }
  | { kind: 'membership'; userId: string; negotiationId: string };

interface LiveSession {
  transport: SessionTransport;
  end(reason: SessionEndReason): void;
  /** Forgets the session without ending it (its transport cut it). */
  forget(): void;
  /** Whether the client still answers; one that does not is cut by its transport (see answersCheck). */
  answers(): Promise<boolean>;
}

/** setTimeout takes at most 2^31-1 ms (about 24.8 days); a longer delay fires at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Every live connection of every user, so that the end of someone's access (token expiry,
 * account removed, role changed) closes their connections at once instead of letting them
 * keep editing. Both transports register here; AccountService ends sessions here.
 * `announce` tells the other instances (SessionEndRelay), which apply it with `endedElsewhere`.
 */
export class SessionRegistry {
  private readonly byUser = new Map<string, Set<LiveSession>>();
  /** Bumped by every endAll: a grant read before the bump is stale when it is opened. */
  private readonly changes = new Map<string, { generation: number; reason: SessionEndReason }>();
  /** Connections to the drafts of one negotiation, by `${userId} ${negotiationId}`. */
  private readonly byMembership = new Map<string, Set<() => void>>();
  /** Bumped by every endMembership of a user (any negotiation), as `changes` is by endAll. */
  private readonly membershipChanges = new Map<string, number>();
  /** The running answersCheck of each `${userId} ${transport}`. */
  private readonly checking = new Map<string, Promise<void>>();

  constructor(private readonly announce: (end: SessionEnd) => void = () => {}) {}

  /** How many times this user's access has changed in this process (read before reading the account). */
  generation(userId: string): number {
    return this.changes.get(userId)?.generation ?? 0;
  }

  /**
   * Registers a live connection; `end` runs once when its access ends (at once when it already
   * has: the token expired, or the account changed while it was being authenticated).
   * `answers` tells whether the client is still there (see answersCheck); a transport that cannot ask counts it as there.
   * Returns the function the transport calls when the connection closes.
   */
  open(
    grant: SessionGrant,
    transport: SessionTransport,
    end: (reason: SessionEndReason) => void,
    answers: () => Promise<boolean> = async () => true,
  ): () => void {
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
      forget: () => close(),
      answers,
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

  /**
   * Asks each of the user's connections on `transport` whether it is still there, and forgets
   * those that do not answer: a network that went away (Wi-Fi roaming, a laptop asleep) leaves
   * the server a connection that no close ever reaches, which would hold a place in the
   * per-account budget until the heartbeat cuts it. Null while a check of theirs is running:
   * one at a time per account, so a flood of connections does not pile up behind it.
   */
  answersCheck(userId: string, transport: SessionTransport): Promise<void> | null {
    const key = `${userId} ${transport}`;
    if (this.checking.has(key)) return null;
    const asked = [...(this.byUser.get(userId) ?? [])].filter((session) => session.transport === transport);
    const check = Promise.all(
      asked.map(async (session) => {
        if (!(await session.answers())) session.forget();
      }),
    )
      .then(() => undefined)
      .finally(() => this.checking.delete(key));
    this.checking.set(key, check);
    return check;
  }

  /**
   * How many times this user's memberships have changed, read before checking their access to a
   * draft (whose negotiation is not known yet: any change makes the check stale, rarely in vain).
   */
  membershipGeneration(userId: string): number {
    return this.membershipChanges.get(userId) ?? 0;
  }

  /**
   * Watches a connection's use of one negotiation's drafts: `end` runs once when the person's
   * membership there changes (at once when it changed since `generation` was read).
   * Returns the function the transport calls when the connection stops using the draft.
   */
  openInNegotiation(userId: string, negotiationId: string, generation: number, end: () => void): () => void {
    const key = membershipKey(userId, negotiationId);
    if (this.membershipGeneration(userId) !== generation) {
      end();
      return () => {};
    }
    const watchers = this.byMembership.get(key) ?? new Set<() => void>();
    this.byMembership.set(key, watchers);
    watchers.add(end);
    return () => {
      watchers.delete(end);
      if (watchers.size === 0 && this.byMembership.get(key) === watchers) this.byMembership.delete(key);
    };
  }

  /** Ends a user's connections to the drafts of one negotiation (membership removed or changed), on every instance. */
  endMembership(userId: string, negotiationId: string): number {
    const ended = this.endMembershipHere(userId, negotiationId);
    this.announce({ kind: 'membership', userId, negotiationId });
    return ended;
  }

  /** Ends every live connection of a user, and those authenticated before this call that open later, on every instance. */
  endAll(userId: string, reason: SessionEndReason): number {
    const ended = this.endAllHere(userId, reason);
    this.announce({ kind: 'account', userId, reason });
    return ended;
  }

  /** Applies an end another instance announced, to this instance's connections only. */
  endedElsewhere(end: SessionEnd): void {
    if (end.kind === 'account') this.endAllHere(end.userId, end.reason);
    else this.endMembershipHere(end.userId, end.negotiationId);
  }

  private endMembershipHere(userId: string, negotiationId: string): number {
    const key = membershipKey(userId, negotiationId);
    this.membershipChanges.set(userId, this.membershipGeneration(userId) + 1);
    const watchers = [...(this.byMembership.get(key) ?? [])];
    this.byMembership.delete(key);
    for (const end of watchers) end();
    return watchers.length;
  }

  private endAllHere(userId: string, reason: SessionEndReason): number {
    this.changes.set(userId, { generation: this.generation(userId) + 1, reason });
    const sessions = [...(this.byUser.get(userId) ?? [])];
    for (const session of sessions) session.end(reason);
    return sessions.length;
  }
}

const membershipKey = (userId: string, negotiationId: string) => `${userId} ${negotiationId}`;

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
