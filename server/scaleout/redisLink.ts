import type { RedisClientType } from 'redis';
import { withDeadline } from '../deadline';
import { DomainError } from '../domain/domainError';
import type { Logger } from '../logger';
import { closeRedisClient } from './closeRedisClient';
import { mustBeUp } from './mustBeUp';

export interface RedisLinkOptions {
  url: string;
  logger: Logger;
  /** Longest pause between reconnection attempts during a session (the backoff doubles up to it). */
  maxReconnectDelayMs?: number;
  /** Longest wait for an answer; a connection silent for so long is down (see Config.redisCommandTimeoutMs). */
  commandTimeoutMs?: number;
}

/** Receives a channel's messages as bytes. */
export type ChannelHandler = (message: Buffer) => void;

type Listener = () => void;

const FIRST_RECONNECT_DELAY_MS = 50;

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
 * is down too: every connection pings every half command timeout and is closed after a command
 * timeout without traffic, and reconnects like a lost one. Node's idle timeout counts writes as
 * traffic: a connection that keeps sending to a silent Redis stays open, so the link goes down
 * with the first connection that falls quiet (usually the subscriber); until then each command
 * waits out its deadline. An event loop stalled for about the timeout reads as silence too.
 */
export class RedisLink {
  private readonly upListeners = new Set<Listener>();
  private readonly downListeners = new Set<Listener>();
  private up = true;
  /** Between a completed connect() and close(): the clients' events before and after say nothing about the link. */
  private open = false;

  private constructor(
    readonly publisher: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly logger: Logger,
    private readonly commandTimeoutMs: number,
  ) {
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
      // An idle connection still hears from Redis at least this often while Redis answers...
      pingInterval: Math.floor(commandTimeoutMs / 2),
      socket: {
        connectTimeout: 5_000,
        // ...so one with no traffic for this long (a silent Redis) is closed and reconnects.
        socketTimeout: commandTimeoutMs,
        // Not yet connected: give up at once (connect() rejects with the cause).
        reconnectStrategy: (retries: number) => (link.open ? Math.min(FIRST_RECONNECT_DELAY_MS * 2 ** retries, maxReconnectDelayMs) : false),
      },
    });
    // Subscriptions made while Redis is away wait for it (and are renewed on every reconnection).
    const subscriber: RedisClientType = publisher.duplicate({ disableOfflineQueue: false });
    // Listening (to errors too) before connecting: listeners added and removed around the
    // connection would leave later ones unheard (the client is a prototype wrapper; see node-redis).
    const link = new RedisLink(publisher, subscriber, logger, commandTimeoutMs);
    try {
      await publisher.connect();
      await subscriber.connect();
    } catch (err) {
      await Promise.allSettled([publisher.destroy(), subscriber.destroy()]);
      throw new Error(`Cannot reach Redis at REDIS_URL ${redacted(url)}: ${(err as Error).message || String(err)}`);
    }
    link.open = true;
    logger.info({ url: redacted(url) }, 'connected to redis');
    return link;
  }

  /** Whether both connections are usable right now. */
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
    this.upListeners.clear();
    this.downListeners.clear();
    await Promise.allSettled([closeRedisClient(this.publisher), closeRedisClient(this.subscriber)]);
  }

  private changed(): void {
    const up = this.publisher.isReady && this.subscriber.isReady;
    if (!this.open || up === this.up) return;
    this.up = up;
    if (up) this.logger.warn('redis is back; resynchronising');
    else this.logger.error('redis is unreachable; serving local clients only until it returns');
    for (const listener of up ? this.upListeners : this.downListeners) listener();
  }
}
