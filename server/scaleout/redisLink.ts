import type { RedisClientType } from 'redis';
import { withDeadline } from '../deadline';
import { DomainError } from '../domain/domainError';
import type { Logger } from '../logger';
import { closeRedisClient } from './closeRedisClient';
import { ConnectionLiveness } from './connectionLiveness';
import { mustBeUp } from './mustBeUp';

export interface RedisLinkOptions {
  url: string;
  logger: Logger;
  /** Longest pause between reconnection attempts during a session (the backoff doubles up to it). */
  maxReconnectDelayMs?: number;
  /** Longest wait for an answer; a connection whose ping goes unanswered for so long is down (see Config.redisCommandTimeoutMs). */
  commandTimeoutMs?: number;
}

/** Receives a channel's messages as bytes. */
export type ChannelHandler = (message: Buffer) => void;

type Listener = () => void;

const FIRST_RECONNECT_DELAY_MS = 50;
/** For the TCP connection; the handshake then has a command timeout to be answered. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * A socket without a byte either way for this many command timeouts is closed and reconnects: the
 * backstop for a connection that is dead rather than silent (the link is down long before, see
 * ConnectionLiveness). Node's idle timer is blind to a stalled event loop (it fires before the
 * waiting reply is read), so it must be far longer than any stall worth surviving.
 */
const IDLE_SOCKET_TIMEOUTS = 5;

/** The URL without its password, for messages and logs. */
function redacted(url: string): string {
  return url.replace(/\/\/([^@/]*):[^@/]*@/, '//$1:***@');
}

/**
 * This instance's one connection to Redis (multi-instance mode): a client for commands and
 * publishing, and its duplicate for subscriptions (a subscribed connection takes no other
 * command). Unreachable at start is an error; lost during a session, both reconnect with
 * backoff while the instance keeps serving its own clients, and listeners hear when the
 * link goes down and comes back (to resynchronise what they missed meanwhile). A Redis that
 * keeps the connection open but stops answering (a slow command, a frozen host, a partition)
 * is down too: the link pings on each connection and is down while a ping has gone unanswered
 * for a command timeout (ConnectionLiveness), whatever else the connection sends, and up again
 * once Redis answers; an event-loop stall does not count as Redis' silence. A connection without
 * any traffic for longer (dead rather than silent) is closed and reconnects like a lost one.
 */
export class RedisLink {
  private readonly upListeners = new Set<Listener>();
  private readonly downListeners = new Set<Listener>();
  private up = true;
  /** Between a completed connect() and close(): the clients' events before and after say nothing about the link. */
  private open = false;
  private readonly liveness: ConnectionLiveness[];
  private ticker: NodeJS.Timeout | undefined;

  private constructor(
    readonly publisher: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly logger: Logger,
    private readonly url: string,
    private readonly commandTimeoutMs: number,
  ) {
    this.liveness = [publisher, subscriber].map((client) => new ConnectionLiveness(client, () => this.changed()));
    for (const client of [publisher, subscriber]) {
      client.on('ready', () => this.changed());
      client.on('reconnecting', () => this.changed());
      client.on('end', () => this.changed());
      client.on('error', (err: Error) => this.logger.debug({ err }, 'redis connection error'));
    }
  }

  /** Connects both clients; rejects with a readable error when Redis cannot be reached. */
  static async connect({ url, logger, maxReconnectDelayMs = 2_000, commandTimeoutMs = 2_000 }: RedisLinkOptions): Promise<RedisLink> {
    // The client loads only in multi-instance mode: a single instance does not hold it in memory.
    const { createClient } = await import('redis');
    const publisher: RedisClientType = createClient({
      url,
      // A publish while Redis is away fails at once: the resync after it returns covers it.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        socketTimeout: IDLE_SOCKET_TIMEOUTS * commandTimeoutMs,
        // Not yet connected: give up at once (connect() rejects with the cause).
        reconnectStrategy: (retries: number) => (link.open ? Math.min(FIRST_RECONNECT_DELAY_MS * 2 ** retries, maxReconnectDelayMs) : false),
      },
    });
    // Subscriptions made while Redis is away wait for it (and are renewed on every reconnection).
    const subscriber: RedisClientType = publisher.duplicate({ disableOfflineQueue: false });
    // Listening (to errors too) before connecting: listeners added and removed around the
    // connection would leave later ones unheard (the client is a prototype wrapper; see node-redis).
    const link = new RedisLink(publisher, subscriber, logger, url, commandTimeoutMs);
    await link.connectOrFail([publisher, subscriber]);
    link.open = true;
    link.watchLiveness();
    logger.info({ url: redacted(url) }, 'connected to redis');
    return link;
  }

  /**
   * A further connection with the link's settings and an offline queue (for the socket.io
   * adapter), unconnected: its owner listens to its errors first, then calls connectOrFail.
   * node-redis' pinger keeps it talking while Redis answers, so only a dead one goes idle.
   */
  duplicate(): RedisClientType {
    return this.publisher.duplicate({ disableOfflineQueue: false, pingInterval: Math.floor(this.commandTimeoutMs / 2) });
  }

  /**
   * Connects the clients, or destroys them all and rejects with a readable error: when Redis
   * refuses, or does not answer the handshake in time (a silent Redis would otherwise keep a
   * start-up waiting for ever: once the link is open, its connections retry without end).
   */
  async connectOrFail(clients: RedisClientType[]): Promise<void> {
    const bound = CONNECT_TIMEOUT_MS + this.commandTimeoutMs;
    try {
      await withDeadline(Promise.all(clients.map((client) => client.connect())), bound, () => new Error(`no answer within ${bound} ms`));
    } catch (err) {
      await Promise.allSettled(clients.map((client) => client.destroy()));
      throw new Error(`Cannot reach Redis at REDIS_URL ${redacted(this.url)}: ${(err as Error).message || String(err)}`);
    }
  }

  /** Whether both connections are connected and answering right now. */
  isUp(): boolean {
    return this.up;
  }

  /**
   * Sends a command: refused at once (503) while the link is down, and a 503 after the command
   * timeout without an answer (node-redis' own command timeout ends only the wait to be written,
   * not the wait for the answer). The command itself may still run when Redis wakes up.
   */
  async command<T>(send: (client: RedisClientType) => Promise<T>): Promise<T> {
    mustBeUp(this);
    return withDeadline(send(this.publisher), this.commandTimeoutMs, () => new DomainError('shared state (Redis) did not answer in time; try again shortly', 503));
  }

  /** Called each time the link comes back after being down; returns the unsubscribe. */
  onUp(listener: Listener): () => void {
    this.upListeners.add(listener);
    return () => this.upListeners.delete(listener);
  }

  /** Called each time the link goes down; returns the unsubscribe. */
  onDown(listener: Listener): () => void {
    this.downListeners.add(listener);
    return () => this.downListeners.delete(listener);
  }

  /** Resolves once Redis confirmed the subscription (or, while Redis is away, once it returns). */
  async subscribe(channel: string, handler: ChannelHandler): Promise<void> {
    await this.subscriber.subscribe(channel, handler, true);
  }

  async unsubscribe(channel: string, handler: ChannelHandler): Promise<void> {
    await this.subscriber.unsubscribe(channel, handler, true);
  }

  async close(): Promise<void> {
    this.open = false;
    clearInterval(this.ticker);
    this.upListeners.clear();
    this.downListeners.clear();
    await Promise.allSettled([closeRedisClient(this.publisher), closeRedisClient(this.subscriber)]);
  }

  /**
   * Judges each connection every half command timeout, after the event loop has read its input
   * (setImmediate runs after the poll phase): after a stall, timers run before the sockets are
   * read, and a reply waiting unread must not read as silence.
   */
  private watchLiveness(): void {
    this.ticker = setInterval(() => setImmediate(() => this.liveness.forEach((connection) => connection.tick())), Math.floor(this.commandTimeoutMs / 2));
  }

  private changed(): void {
    const up = this.publisher.isReady && this.subscriber.isReady && !this.liveness.some((connection) => connection.isSilent());
    if (!this.open || up === this.up) return;
    this.up = up;
    if (up) this.logger.warn('redis is back; resynchronising');
    else this.logger.error('redis is unreachable; serving local clients only until it returns');
    for (const listener of up ? this.upListeners : this.downListeners) listener();
  }
}
