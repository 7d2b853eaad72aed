import { randomBytes } from 'node:crypto';

/** How long a ticket may wait before it is used. */
export const TICKET_TTL_MS = 60_000;
/** Tickets waiting at once, over the whole server: enough for a conference, bounded against floods. */
export const MAX_WAITING = 10_000;
/** Tickets one person may have waiting (tabs opening at once); one account cannot use up the server's. */
export const MAX_WAITING_PER_USER = 20;

export interface IssuedTicket {
  ticket: string;
  expiresAt: number;
}

export interface RedeemedTicket {
  userId: string;
  tokenExpiresAt: number;
}

/** Issues and redeems tickets: in this process (TicketService) or shared by every instance (RedisTickets). */
export interface Tickets {
  issue(userId: string, draftId: string, tokenExpiresAt: number): IssuedTicket | Promise<IssuedTicket>;
  redeem(ticket: string, draftId: string): RedeemedTicket | null | Promise<RedeemedTicket | null>;
}

/** A fresh ticket: 32 random bytes, base64url. */
export function newTicket(): string {
  return randomBytes(32).toString('base64url');
}

interface Waiting {
  userId: string;
  draftId: string;
  /** When the session token it was issued against expires (a ticket never outlives it). */
  tokenExpiresAt: number;
  expiresAt: number;
}

/**
 * Short-lived, single-use tickets for the Yjs channel, so the browser does not put its long-lived
 * session token in a websocket URL (which ends up in logs and the console). A ticket names one
 * draft and one person. In-process; several instances share them through Redis (RedisTickets).
 */
export class TicketService implements Tickets {
  private readonly waiting = new Map<string, Waiting>();
  private readonly perUser = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(userId: string, draftId: string, tokenExpiresAt: number): IssuedTicket {
    this.forgetExpired();
    if (this.waiting.size >= MAX_WAITING || (this.perUser.get(userId) ?? 0) >= MAX_WAITING_PER_USER) throw new TicketsExhaustedError();
    const ticket = newTicket();
    const expiresAt = Math.min(this.now() + TICKET_TTL_MS, tokenExpiresAt);
    this.waiting.set(ticket, { userId, draftId, tokenExpiresAt, expiresAt });
    this.perUser.set(userId, (this.perUser.get(userId) ?? 0) + 1);
    return { ticket, expiresAt };
  }

  /** The person a ticket was issued to, once: null when it is unknown, used, expired or for another draft. */
  redeem(ticket: string, draftId: string): RedeemedTicket | null {
    const waiting = this.waiting.get(ticket);
    this.forget(ticket);
    if (!waiting || waiting.draftId !== draftId || waiting.expiresAt <= this.now()) return null;
    return { userId: waiting.userId, tokenExpiresAt: waiting.tokenExpiresAt };
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [ticket, waiting] of this.waiting) if (waiting.expiresAt <= now) this.forget(ticket);
  }

  private forget(ticket: string): void {
    const waiting = this.waiting.get(ticket);
    if (!waiting) return;
    this.waiting.delete(ticket);
    const left = (this.perUser.get(waiting.userId) ?? 1) - 1;
    if (left > 0) this.perUser.set(waiting.userId, left);
    else this.perUser.delete(waiting.userId);
  }
}

export class TicketsExhaustedError extends Error {
  constructor() {
    super('too many connection tickets waiting; use them or try again in a minute');
    this.name = 'TicketsExhaustedError';
  }
}
