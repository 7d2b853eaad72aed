import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SessionEnd } from '../auth/sessionRegistry';
import type { Logger } from '../logger';
import type { RedisConnection } from './redisConnection';

const CHANNEL = 'resolutions:session-ends';

const Message = z.object({
  from: z.string(),
  end: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('account'), userId: z.string(), reason: z.enum(['expired', 'account-removed', 'membership-changed']) }),
    z.object({ kind: z.literal('membership'), userId: z.string(), negotiationId: z.string() }),
  ]),
});

/**
 * Carries the ends of access decided on one instance (account removed, membership or role
 * changed) to every other instance over a Redis channel, where they close that person's
 * connections as they would have been closed locally.
 */
export class SessionEndRelay {
  /** Tells this instance's own messages apart (it has applied them already). */
  private readonly instance = randomUUID();

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Logger,
  ) {}

  /** Starts applying the other instances' ends; resolves once subscribed. */
  async listen(apply: (end: SessionEnd) => void): Promise<void> {
    await this.redis.subscriber.subscribe(CHANNEL, (raw) => {
      const parsed = Message.safeParse(parseJson(raw));
      if (!parsed.success) return this.logger.warn({ raw: raw.slice(0, 200) }, 'ignored a malformed session end');
      if (parsed.data.from !== this.instance) apply(parsed.data.end);
    });
  }

  publish(end: SessionEnd): void {
    this.redis.client.publish(CHANNEL, JSON.stringify({ from: this.instance, end })).catch((err: Error) =>
      // The other instances keep that person's connections until their token expires or they reconnect.
      this.logger.error({ err: err.message, end }, 'could not tell the other instances of a session end'),
    );
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
