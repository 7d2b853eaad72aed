import type { Store as RateLimitStore } from 'express-rate-limit';
import type { ServerOptions } from 'socket.io';
import { SessionRegistry } from '../auth/sessionRegistry';
import { TicketService, type Tickets } from '../auth/ticketService';
import type { Config } from '../config';
import { PresenceRoster, type Roster } from '../domain/presenceRoster';
import type { Logger } from '../logger';
import type { RedisLink } from './redisLink';
import { RedisPresenceRoster } from './redisPresenceRoster';
import { RedisTickets } from './redisTickets';
import { SessionEndRelay } from './sessionEndRelay';
import { SharedRateLimitStore } from './sharedRateLimitStore';
import { redisSocketAdapter } from './socketAdapter';

/** What the instances of one site share through Redis (REDIS_URL set), or keep in process (one instance). */
export interface SharedState {
  sessions: SessionRegistry;
  tickets: Tickets;
  roster: Roster;
  /** socket.io's adapter: rooms that span every instance (undefined: socket.io's in-process one). */
  adapter?: ServerOptions['adapter'];
  /** Where the rate limit named so keeps its counts (undefined: in this process, express-rate-limit's MemoryStore). */
  rateLimitStore(name: string): RateLimitStore | undefined;
  /** Starts applying the other instances' session ends; `forget` drops what is cached of that person's access. */
  listen(forget: (userId: string) => void): Promise<void>;
  /** After socket.io has closed: removes this instance's presence entries, then closes the adapter's connections (the link's owner closes the link). */
  close(): Promise<void>;
}

/** `announcePresence` broadcasts a draft's roster when it changed without a join or leave here. */
export async function openSharedState(
  link: RedisLink | null,
  config: Pick<Config, 'instanceId' | 'presenceTtlMs'>,
  logger: Logger,
  announcePresence: (draftId: string) => void,
): Promise<SharedState> {
  if (!link) {
    return {
      sessions: new SessionRegistry(),
      tickets: new TicketService(),
      roster: new PresenceRoster(),
      rateLimitStore: () => undefined,
      listen: async () => {},
      close: async () => {},
    };
  }
  const relay = new SessionEndRelay(link, config.instanceId, logger);
  const sessions = new SessionRegistry((end) => relay.publish(end));
  const roster = new RedisPresenceRoster(link, { ttlMs: config.presenceTtlMs, announce: announcePresence, logger });
  const sockets = await redisSocketAdapter(link, logger);
  return {
    sessions,
    tickets: new RedisTickets(link),
    roster,
    adapter: sockets.adapter,
    rateLimitStore: (name) => new SharedRateLimitStore(link, `rl:${name}:`, logger),
    listen: (forget) =>
      relay.listen((end) => {
        forget(end.userId);
        sessions.endedElsewhere(end);
      }),
    close: async () => {
      relay.close();
      await roster.close();
      await sockets.close();
    },
  };
}
