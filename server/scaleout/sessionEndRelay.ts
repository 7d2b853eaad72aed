import { z } from 'zod';
import type { SessionEnd } from '../auth/sessionRegistry';
import type { Logger } from '../logger';
import type { RedisLink } from './redisLink';

/** Every end is kept in this stream, in order: an instance cut off from Redis reads what it missed on return. */
const STREAM = 'resolutions:session-ends';
/** Rings the other instances: the stream has new ends. */
const CHANNEL = 'resolutions:session-ends:new';
/** Ends the stream keeps (about): far more than a partition's worth. */
const STREAM_LENGTH = 10_000;
/** Ends kept while Redis is away, to publish when it returns; past this the oldest are dropped (with a log line). */
const MAX_PENDING = 10_000;
/** Ends read from the stream per round trip. */
const READ_BATCH = 500;
/** The stream is also read this often, in case a ring was missed (one published while the subscription was being renewed). */
const READ_EVERY_MS = 5_000;

/** Appends to the stream and rings the channel, in one step. KEYS: stream, channel. ARGV: payload, length. */
const APPEND_AND_RING = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'payload', ARGV[1])
redis.call('PUBLISH', KEYS[2], id)
return id`;

const Payload = z.object({
  from: z.string(),
  end: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('account'), userId: z.string(), reason: z.enum(['expired', 'account-removed', 'membership-changed']) }),
    z.object({ kind: z.literal('membership'), userId: z.string(), negotiationId: z.string() }),
  ]),
});

/**
 * Carries the ends of access decided on one instance (account removed, membership or role
 * changed) to every other instance, where they close that person's connections as they would
 * have been closed locally. The ends are appended to a stream and a channel rings the others,
 * who read the stream after the last entry they applied: in order, once, and, for an instance
 * that was cut off from Redis, including what it missed. An end decided while Redis is away
 * is appended when it returns.
 */
export class SessionEndRelay {
  private readonly pending: SessionEnd[] = [];
  /** The last stream entry read: the next read starts after it. */
  private lastId = '0-0';
  /** Reads one after another, so each entry is applied once and in order. */
  private reading: Promise<void> = Promise.resolve();
  private apply: (end: SessionEnd) => void = () => {};
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly link: RedisLink,
    /** Tells this instance's own ends apart (it has applied them already). */
    private readonly instanceId: string,
    private readonly logger: Logger,
  ) {
    link.onUp(() => {
      this.publishPending();
      this.readNew();
    });
  }

  /** Starts applying the other instances' ends (those from now on); resolves once subscribed. */
  async listen(apply: (end: SessionEnd) => void): Promise<void> {
    this.apply = apply;
    const [latest] = (await this.link.command((client) => client.xRevRange(STREAM, '+', '-', { COUNT: 1 }))) ?? [];
    if (latest) this.lastId = latest.id;
    await this.link.subscribe(CHANNEL, () => this.readNew());
    this.timer = setInterval(() => this.link.isUp() && this.readNew(), READ_EVERY_MS);
    this.timer.unref();
  }

  close(): void {
    clearInterval(this.timer);
  }

  publish(end: SessionEnd): void {
    const payload = JSON.stringify({ from: this.instanceId, end });
    this.link.command((client) => client.eval(APPEND_AND_RING, { keys: [STREAM, CHANNEL], arguments: [payload, String(STREAM_LENGTH)] })).catch((err: Error) => {
      this.logger.warn({ err: err.message, end }, 'session end kept until redis returns');
      if (this.pending.push(end) > MAX_PENDING) this.logger.error({ dropped: this.pending.shift() }, 'too many session ends waiting for redis; dropped the oldest');
    });
  }

  private readNew(): void {
    this.reading = this.reading
      .then(() => this.read())
      .catch((err: Error) => this.logger.error({ err: err.message }, 'could not read the session ends of the other instances'));
  }

  private async read(): Promise<void> {
    for (;;) {
      const entries = (await this.link.command((client) => client.xRange(STREAM, `(${this.lastId}`, '+', { COUNT: READ_BATCH }))) ?? [];
      for (const { id, message } of entries) {
        this.lastId = id;
        const parsed = Payload.safeParse(parseJson(String(message.payload)));
        if (!parsed.success) this.logger.warn({ id, payload: String(message.payload).slice(0, 200) }, 'ignored a malformed session end');
        else if (parsed.data.from !== this.instanceId) this.apply(parsed.data.end);
      }
      if (entries.length < READ_BATCH) return;
    }
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
