import { createLogger } from '../../../server/logger';
import { RedisLink } from '../../../server/scaleout/redisLink';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';
import { within } from '../../helpers/within';

jest.setTimeout(30_000);

/** Resolves the next time `register` calls its listener. */
const next = (register: (listener: () => void) => () => void) =>
  new Promise<void>((resolve) => {
    const stop = register(() => {
      stop();
      resolve();
    });
  });

describe('RedisLink', () => {
  const logger = createLogger('silent');
  let redis: RedisUnderTest;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());

  it('refuses to start, with the URL (not its password) in the error, when Redis cannot be reached', async () => {
    const spare = await startRedis();
    await spare.stop();
    const url = `redis://relay:secret-password@127.0.0.1:${spare.port}`;
    const error = await RedisLink.connect({ url, logger }).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(error).toContain(`Cannot reach Redis at REDIS_URL redis://relay:***@127.0.0.1:${spare.port}`);
    expect(error).not.toContain('secret-password');
  });

  it('tells its listeners when Redis goes away and when it returns, and delivers to its subscriptions again', async () => {
    const link = await RedisLink.connect({ url: redis.url, logger, maxReconnectDelayMs: 200 });
    try {
      const received: string[] = [];
      await link.subscribe('channel', (message) => received.push(message.toString()));
      expect(link.isUp()).toBe(true);

      const down = next((listener) => link.onDown(listener));
      await redis.stop();
      await down;
      expect(link.isUp()).toBe(false);

      const up = next((listener) => link.onUp(listener));
      redis = await startRedis(redis.port);
      await up;
      expect(link.isUp()).toBe(true);

      const delivered = new Promise<void>((resolve) => link.subscribe('channel', () => resolve()));
      await link.publisher.publish('channel', 'after the outage');
      await delivered;
      expect(received).toEqual(['after the outage']);
    } finally {
      await link.close();
    }
  });

  it('refuses to start within the command timeout when Redis accepts the connection but does not answer', async () => {
    const frozen = await startRedis();
    frozen.freeze();
    try {
      const starting = RedisLink.connect({ url: frozen.url, logger, commandTimeoutMs: 300 });
      await expect(within('connect() to a frozen Redis', 5_000, starting)).rejects.toThrow(/Cannot reach Redis at REDIS_URL/);
    } finally {
      await frozen.stop();
    }
  });

  it('counts a Redis that stops answering as down: a command fails with 503 in bounded time, and the link returns after SIGCONT', async () => {
    const link = await RedisLink.connect({ url: redis.url, logger, maxReconnectDelayMs: 200, commandTimeoutMs: 300 });
    try {
      const received: string[] = [];
      await link.subscribe('channel', (message) => received.push(message.toString()));
      const down = next((listener) => link.onDown(listener));
      redis.freeze();
      await expect(within('a command to a frozen Redis', 5_000, link.command((client) => client.get('key')))).rejects.toMatchObject({ status: 503 });
      await within('the link going down', 5_000, down);
      // Known down: refused without waiting.
      await expect(link.command((client) => client.get('key'))).rejects.toThrow('shared state (Redis) is unreachable');

      const up = next((listener) => link.onUp(listener));
      redis.thaw();
      await within('the link coming back after SIGCONT', 10_000, up);
      const delivered = new Promise<void>((resolve) => link.subscribe('channel', () => resolve()));
      await link.command((client) => client.publish('channel', 'after the freeze'));
      await delivered;
      expect(received).toEqual(['after the freeze']);
    } finally {
      redis.thaw();
      await link.close();
    }
  });
});
