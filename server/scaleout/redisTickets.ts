import {
  MAX_WAITING,
  MAX_WAITING_PER_USER,
  newTicket,
  TICKET_TTL_MS,
  TicketsExhaustedError,
  type IssuedTicket,
  type RedeemedTicket,
  type Tickets,
} from '../auth/ticketService';
import type { RedisLink } from './redisLink';

const PREFIX = 'resolutions:tickets';
const ticketKey = (ticket: string) => `${PREFIX}:ticket:${ticket}`;
const userKey = (userId: string) => `${PREFIX}:user:${userId}`;
const ALL_KEY = `${PREFIX}:waiting`;
/** What newTicket() makes; anything else is refused without asking Redis. */
const TICKET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Counts the waiting tickets of the person and of everyone (sorted sets scored by expiry, the
 * expired ones dropped first) and stores the ticket only under both caps, in one atomic step.
 * KEYS: user set, all set, ticket. ARGV: now, expiresAt, ttl ms, ticket, value, per-user cap, overall cap.
 */
const ISSUE = `
for _, set in ipairs({KEYS[1], KEYS[2]}) do redis.call('ZREMRANGEBYSCORE', set, '-inf', ARGV[1]) end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[6]) or redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[7]) then return 0 end
for _, set in ipairs({KEYS[1], KEYS[2]}) do
  redis.call('ZADD', set, ARGV[2], ARGV[4])
  redis.call('PEXPIRE', set, ARGV[3])
end
redis.call('SET', KEYS[3], ARGV[5], 'PX', ARGV[3])
return 1`;

interface Stored extends RedeemedTicket {
  draftId: string;
  expiresAt: number;
}

/**
 * Yjs tickets shared by every instance: issued by the one that answered POST /ticket, redeemed
 * (GETDEL: once, whichever instance the websocket reached) by the one that took the connection.
 * Same rules as TicketService: a ticket names one draft and one person, lives a minute at most
 * and never outlives the session token; per-person and overall caps on waiting tickets.
 */
export class RedisTickets implements Tickets {
  constructor(
    private readonly redis: RedisLink,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(userId: string, draftId: string, tokenExpiresAt: number): Promise<IssuedTicket> {
    const now = this.now();
    const ticket = newTicket();
    const expiresAt = Math.min(now + TICKET_TTL_MS, tokenExpiresAt);
    const stored: Stored = { userId, draftId, tokenExpiresAt, expiresAt };
    const ttlMs = Math.max(1, expiresAt - now);
    const issued = await this.redis.command((client) =>
      client.eval(ISSUE, {
        keys: [userKey(userId), ALL_KEY, ticketKey(ticket)],
        arguments: [now, expiresAt, ttlMs, ticket, JSON.stringify(stored), MAX_WAITING_PER_USER, MAX_WAITING].map(String),
      }),
    );
    if (issued !== 1) throw new TicketsExhaustedError();
    return { ticket, expiresAt };
  }

  async redeem(ticket: string, draftId: string): Promise<RedeemedTicket | null> {
    if (!TICKET_SHAPE.test(ticket)) return null;
    const value = await this.redis.command((client) => client.getDel(ticketKey(ticket)));
    if (value === null) return null;
    const stored = JSON.parse(value) as Stored;
    await this.redis.command((client) => client.multi().zRem(userKey(stored.userId), ticket).zRem(ALL_KEY, ticket).exec());
    if (stored.draftId !== draftId || stored.expiresAt <= this.now()) return null;
    return { userId: stored.userId, tokenExpiresAt: stored.tokenExpiresAt };
  }
}
