import type { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../logger';
import { closeRedisClient } from './closeRedisClient';
import type { RedisLink } from './redisLink';

export interface SocketAdapter {
  /** socket.io's `adapter` option: rooms that span every instance. */
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * The socket.io Redis adapter, so that `io.to(room).emit(...)` reaches the room's sockets on
 * every instance. Its own pair of connections, duplicated from the link's: the adapter does not
 * catch a failed publish, so while Redis is away its messages wait in their client's queue
 * (local sockets are served at once either way) instead of failing as the link's publisher does.
 */
export async function redisSocketAdapter(link: RedisLink, logger: Logger): Promise<SocketAdapter> {
  // Loaded only in multi-instance mode: a single instance does not hold it in memory.
  const { createAdapter } = await import('@socket.io/redis-adapter');
  const publisher = link.duplicate();
  const subscriber = link.duplicate();
  for (const client of [publisher, subscriber]) {
    client.on('error', (err: Error) => logger.debug({ err: err.message }, 'socket.io adapter: redis connection error'));
  }
  // Redis silent or gone since the link connected: a start-up error, not a start-up that waits.
  await link.connectOrFail([publisher, subscriber]);
  logFailures(publisher, ['publish'], logger, 'debug', 'socket.io adapter: a command did not reach redis');
  logFailures(subscriber, ['pUnsubscribe', 'unsubscribe'], logger, 'debug', 'socket.io adapter: a command did not reach redis');
  // The adapter subscribes once, as it starts, and node-redis renews only confirmed subscriptions.
  logFailures(
    subscriber,
    ['pSubscribe', 'subscribe'],
    logger,
    'error',
    'socket.io adapter: a subscription did not reach redis; socket.io broadcasts from other instances may not reach this one until it restarts',
  );
  return {
    adapter: createAdapter(publisher, subscriber, { key: 'resolutions:socket.io' }),
    close: async () => {
      await Promise.allSettled([closeRedisClient(publisher), closeRedisClient(subscriber)]);
    },
  };
}

type AdapterCommand = 'publish' | 'pSubscribe' | 'subscribe' | 'pUnsubscribe' | 'unsubscribe';

/**
 * The adapter neither awaits nor catches some of its commands: its publishes, the subscriptions
 * it makes as it starts and the unsubscribes of its close(). One that fails (the connection lost
 * mid-command or closed for silence, an emit racing the shutdown, or the queue dropped by a
 * shutdown while Redis is away) is logged here rather than left unhandled.
 */
function logFailures(client: RedisLink['publisher'], commands: AdapterCommand[], logger: Logger, level: 'debug' | 'error', message: string): void {
  for (const name of commands) {
    const command = (client[name] as (...args: unknown[]) => Promise<unknown>).bind(client);
    // The client's commands are read-only in its typings, not at run time.
    (client as unknown as Record<AdapterCommand, unknown>)[name] = (...args: unknown[]) => {
      const sent = command(...args);
      sent.catch((err: Error) => logger[level]({ err: err.message, command: name }, message));
      return sent;
    };
  }
}
