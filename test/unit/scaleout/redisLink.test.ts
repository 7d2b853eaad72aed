import { Server } from 'socket.io';
import { createLogger } from '../../../server/logger';
import { RedisLink } from '../../../server/scaleout/redisLink';
import { redisSocketAdapter } from '../../../server/scaleout/socketAdapter';
import { ERROR, LogCapture } from '../../helpers/captureLogs';
import { pause, stallEventLoop } from '../../helpers/eventLoopStall';
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

  it('refuses to start in bounded time when Redis accepts the connection but does not answer', async () => {
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

  it('stays up through an event-loop stall longer than the command timeout (default settings)', async () => {
    const logs = new LogCapture();
    const link = await RedisLink.connect({ url: redis.url, logger: logs.logger });
    try {
      await link.subscribe('channel', () => {});
      const changes: string[] = [];
      link.onDown(() => changes.push('down'));
      link.onUp(() => changes.push('up'));
      // The replies to the pings in flight wait unread meanwhile.
      stallEventLoop(2_500);
      // Two liveness judgements and far past every timer the stall made due.
      await pause(3_000);
      expect(changes).toEqual([]);
      expect(link.isUp()).toBe(true);
      expect(logs.entries.filter((entry) => /unreachable/.test(entry.msg))).toEqual([]);
      await expect(link.command((client) => client.ping())).resolves.toBe('PONG');
    } finally {
      await link.close();
    }
  });

  it('counts a frozen Redis as down within a bounded time while both connections keep writing to it', async () => {
    const link = await RedisLink.connect({ url: redis.url, logger, maxReconnectDelayMs: 200, commandTimeoutMs: 300 });
    let writes: NodeJS.Timeout | undefined;
    try {
      const down = next((listener) => link.onDown(listener));
      redis.freeze();
      let count = 0;
      // A publish and a subscription (a room loading) every 50 ms: traffic that never stops.
      writes = setInterval(() => {
        count++;
        link.publisher.publish('channel', `write ${count}`).catch(() => {});
        link.subscribe(`draft-${count}`, () => {}).catch(() => {});
      }, 50);
      await within('the link going down under steady writes', 3_000, down);
      expect(link.isUp()).toBe(false);

      clearInterval(writes);
      const up = next((listener) => link.onUp(listener));
      redis.thaw();
      await within('the link coming back after SIGCONT', 10_000, up);
    } finally {
      clearInterval(writes);
      redis.thaw();
      await link.close();
    }
  });

  it("fails the socket.io adapter's start, in bounded time, when Redis fell silent after the link connected", async () => {
    const frozen = await startRedis();
    const link = await RedisLink.connect({ url: frozen.url, logger, commandTimeoutMs: 300 });
    try {
      frozen.freeze();
      await expect(within("the adapter's start", 10_000, redisSocketAdapter(link, logger))).rejects.toThrow(/Cannot reach Redis at REDIS_URL/);
    } finally {
      await link.close();
      await frozen.stop();
    }
  });

  it('logs a lost start-up subscription of the socket.io adapter as an error', async () => {
    const logs = new LogCapture();
    const link = await RedisLink.connect({ url: redis.url, logger, maxReconnectDelayMs: 200, commandTimeoutMs: 300 });
    const adapter = await redisSocketAdapter(link, logs.logger);
    try {
      // The adapter subscribes when socket.io creates it; a silent Redis never confirms, and the
      // connection's end rejects the subscription.
      redis.freeze();
      const lost = logs.next((entry) => entry.level === ERROR && /subscription did not reach redis/.test(entry.msg));
      // socket.io's main namespace creates its adapter (no HTTP server: nothing to close).
      expect(new Server({ adapter: adapter.adapter }).of('/').adapter).toBeDefined();
      await adapter.close();
      await within('the error line', 5_000, lost);
    } finally {
      redis.thaw();
      await link.close();
    }
  });
});
