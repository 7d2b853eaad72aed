import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../logger';
import type { RedisConnection } from './redisConnection';

export interface SocketAdapter {
  /** socket.io's `adapter` option: rooms that span every instance. */
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * The socket.io Redis adapter, so that `io.to(room).emit(...)` reaches the room's sockets on
 * every instance. It publishes on the shared command connection and listens on a subscriber of
 * its own (its subscriptions stay apart from the other channels').
 */
export async function redisSocketAdapter(redis: RedisConnection, logger: Logger): Promise<SocketAdapter> {
  const subscriber = redis.client.duplicate();
  subscriber.on('error', (err: Error) => logger.warn({ err: err.message }, 'socket.io adapter: redis connection error'));
  await subscriber.connect();
  return {
    adapter: createAdapter(redis.client, subscriber, { key: 'resolutions:socket.io' }),
    close: async () => {
      await subscriber.close();
    },
  };
}
