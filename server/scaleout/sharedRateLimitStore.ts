import { MemoryStore, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Logger } from '../logger';
import type { RedisLink } from './redisLink';

/**
 * One rate limit's counts kept in Redis, so a client that spreads its requests over the
 * instances (there are no sticky sessions) meets one limit, not one per instance. While Redis is
 * away each instance counts on its own (MemoryStore): the limit neither opens for everyone nor
 * refuses everyone, and it is shared again as soon as Redis answers. Away includes silent: a
 * count waits for Redis at most the link's command timeout.
 */
export class SharedRateLimitStore implements Store {
  readonly localKeys = false;
  private readonly shared: RedisStore;
  private readonly local = new MemoryStore();
  private counting: 'shared' | 'local' = 'shared';

  constructor(
    link: RedisLink,
    readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.shared = new RedisStore({ prefix, sendCommand: (...command: string[]) => link.command((client) => client.sendCommand<RedisReply>(command)) });
  }

  init(options: Options): void {
    this.local.init(options);
    // Its scripts load at once; a failure shows at the first increment, which counts locally instead
    // (init's own promise rejects too: unhandled, it would end the process).
    this.shared.init(options).catch(() => {});
  }

  async increment(key: string): Promise<IncrementResponse> {
    try {
      const counted = await this.shared.increment(key);
      this.switchTo('shared');
      return counted;
    } catch (err) {
      this.switchTo('local', err);
      this.loadScriptAgainIfFailed();
      return this.local.increment(key);
    }
  }

  async decrement(key: string): Promise<void> {
    await this.shared.decrement(key).catch(() => this.local.decrement(key));
  }

  async resetKey(key: string): Promise<void> {
    await Promise.all([this.shared.resetKey(key).catch(() => {}), this.local.resetKey(key)]);
  }

  shutdown(): void {
    this.local.shutdown();
  }

  /**
   * rate-limit-redis loads its script again only on NOSCRIPT: a SCRIPT LOAD that failed (Redis lost
   * at that moment) stays a rejected promise, and every later increment would count locally for good.
   */
  private loadScriptAgainIfFailed(): void {
    const sha = this.shared.incrementScriptSha.catch(() => this.shared.loadIncrementScript());
    sha.catch(() => {});
    this.shared.incrementScriptSha = sha;
  }

  private switchTo(counting: 'shared' | 'local', err?: unknown): void {
    if (counting === this.counting) return;
    this.counting = counting;
    if (counting === 'local') this.logger.warn({ err, limit: this.prefix }, 'rate limit counted on this instance only: Redis does not answer');
    else this.logger.info({ limit: this.prefix }, 'rate limit shared through Redis again');
  }
}
