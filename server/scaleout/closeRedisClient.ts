import { withDeadline } from '../deadline';
import type { RedisLink } from './redisLink';

type RedisClient = RedisLink['publisher'];

/** Long enough for the answers to a few commands in flight on a live connection. */
const GRACEFUL_CLOSE_MS = 2_000;

/**
 * Closes a client without hanging a shutdown: a graceful close waits for every queued command's
 * answer, and while Redis is away a client with an offline queue would wait for ever. A client
 * that is not connected is dropped at once (what it queued is the resync's business after a
 * restart), a connected one gets a short grace period.
 */
export async function closeRedisClient(client: RedisClient): Promise<void> {
  if (!client.isReady) return client.destroy();
  await withDeadline(client.close(), GRACEFUL_CLOSE_MS, () => new Error('redis close timed out')).catch(() => client.destroy());
}
