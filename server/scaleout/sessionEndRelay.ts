import { z } from 'zod';
import type { SessionEnd } from '../auth/sessionRegistry';
import type { Logger } from '../logger';
import type { RedisLink } from './redisLink';

const CHANNEL = 'resolutions:session-ends';
/** Ends kept while Redis is away, to publish when it returns; past this the oldest are dropped (with a log line). */
const MAX_PENDING = 10_000;

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
 * connections as they would have been closed locally. An end decided while Redis is away is
 * published when it returns.
 */
export class SessionEndRelay {
  private readonly pending: SessionEnd[] = [];

  constructor(
    private readonly link: RedisLink,
    /** Tells this instance's own messages apart (it has applied them already). */
    private readonly instanceId: string,
    private readonly logger: Logger,
  ) {
    link.onUp(() => this.publishPending());
  }

  /** Starts applying the other instances' ends; resolves once subscribed. */
  async listen(apply: (end: SessionEnd) => void): Promise<void> {
    await this.link.subscribe(CHANNEL, (raw) => {
      const parsed = Message.safeParse(parseJson(raw.toString()));
      if (!parsed.success) return this.logger.warn({ raw: raw.toString().slice(0, 200) }, 'ignored a malformed session end');
      if (parsed.data.from !== this.instanceId) apply(parsed.data.end);
    });
  }

  publish(end: SessionEnd): void {
    this.link.publisher.publish(CHANNEL, JSON.stringify({ from: this.instanceId, end })).catch((err: Error) => {
      this.logger.warn({ err: err.message, end }, 'session end kept until redis returns');
      if (this.pending.push(end) > MAX_PENDING) this.logger.error({ dropped: this.pending.shift() }, 'too many session ends waiting for redis; dropped the oldest');
    });
  }

  private publishPending(): void {
    for (const end of this.pending.splice(0)) this.publish(end);
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
