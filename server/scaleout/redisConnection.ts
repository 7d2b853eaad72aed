import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../logger';

export type RedisClient = RedisClientType;

/** The two connections the shared state needs: one for commands, one in subscriber mode (it takes no other commands). */
export interface RedisConnection {
  client: RedisClient;
  subscriber: RedisClient;
  close(): Promise<void>;
}

/** Longest pause between reconnection attempts once the instance is running. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * Connects to Redis, failing with a clear error when it cannot be reached at start; afterwards
 * the clients reconnect on their own (commands wait for the connection meanwhile).
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisConnection> {
  let started = false;
  const client: RedisClient = createClient({
    url,
    socket: {
      reconnectStrategy: (retries, cause) =>
        started ? Math.min(100 * (retries + 1), MAX_RECONNECT_DELAY_MS) : new Error(`Redis at ${redacted(url)} is unreachable: ${cause.message}`),
    },
  });
  const subscriber = client.duplicate();
  for (const [name, connection] of [['client', client], ['subscriber', subscriber]] as const) {
    // Without a listener an error event would crash the process; reconnecting is the clients' job.
    connection.on('error', (err: Error) => {
      if (started) logger.warn({ err: err.message, connection: name }, 'redis connection error');
    });
  }
  try {
    await Promise.all([client.connect(), subscriber.connect()]);
  } catch (err) {
    await Promise.allSettled([client.destroy(), subscriber.destroy()]);
    throw new Error(`Redis at ${redacted(url)} is unreachable: ${(err as Error).message}`);
  }
  started = true;
  return {
    client,
    subscriber,
    close: async () => {
      await Promise.allSettled([client.close(), subscriber.close()]);
    },
  };
}

/** The URL without its password, for messages and logs. */
function redacted(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
