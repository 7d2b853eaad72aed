import net from 'node:net';
import { SessionRegistry, type SessionEnd, type SessionGrant } from '../../../server/auth/sessionRegistry';
import { createLogger } from '../../../server/logger';
import { RedisLink } from '../../../server/scaleout/redisLink';
import { SessionEndRelay } from '../../../server/scaleout/sessionEndRelay';
import { LogCapture } from '../../helpers/captureLogs';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';

const grant = (userId: string): SessionGrant => ({
  user: { id: userId, username: userId, displayName: userId, admin: false },
  expiresAt: Date.now() + 3_600_000,
  generation: 0,
});

describe('SessionEndRelay: an end of access decided on one instance closes connections on all', () => {
  let redis: RedisUnderTest;
  const connections: RedisLink[] = [];
  const relays: SessionEndRelay[] = [];

  /** An instance: a registry whose ends travel through Redis (at `url`: a proxy to cut it off), and the ends it applied. */
  const instance = async (url = redis.url) => {
    const connection = await RedisLink.connect({ url, logger: createLogger('silent') });
    connections.push(connection);
    const relay = new SessionEndRelay(connection, `instance-${connections.length}`, createLogger('silent'));
    relays.push(relay);
    const sessions = new SessionRegistry((end) => relay.publish(end));
    const applied: SessionEnd[] = [];
    await relay.listen((end) => {
      applied.push(end);
      sessions.endedElsewhere(end);
    });
    return { sessions, applied, connection };
  };
  /** A live connection: resolves with the reason its session ended. */
  const connect = (sessions: SessionRegistry, userId: string) =>
    new Promise<string>((resolve) => sessions.open(grant(userId), 'socketio', resolve));

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    relays.forEach((r) => r.close());
    await Promise.all(connections.map((c) => c.close()));
    await redis.stop();
  });

  it('ends the account\'s connections on the other instance, and once on its own', async () => {
    const a = await instance();
    const b = await instance();
    const onA = connect(a.sessions, 'u-kz');
    const onB = connect(b.sessions, 'u-kz');
    const othersOnB = jest.fn();
    b.sessions.open(grant('u-no'), 'socketio', othersOnB);
    expect(a.sessions.endAll('u-kz', 'account-removed')).toBe(1);
    await expect(onB).resolves.toBe('account-removed');
    await expect(onA).resolves.toBe('account-removed');
    expect(othersOnB).not.toHaveBeenCalled();
    expect(a.applied).toEqual([]);
    // A grant read on B before the end arrived is stale there too.
    const late = jest.fn();
    b.sessions.open(grant('u-kz'), 'yjs', late);
    expect(late).toHaveBeenCalledWith('account-removed');
  });

  it('ends the connections to one negotiation\'s drafts on the other instance', async () => {
    const a = await instance();
    const b = await instance();
    const ended = new Promise<void>((resolve) => b.sessions.openInNegotiation('u-kz', 'n1', b.sessions.membershipGeneration('u-kz'), resolve));
    const otherNegotiation = jest.fn();
    b.sessions.openInNegotiation('u-kz', 'n2', b.sessions.membershipGeneration('u-kz'), otherNegotiation);
    a.sessions.endMembership('u-kz', 'n1');
    await ended;
    expect(b.applied).toContainEqual({ kind: 'membership', userId: 'u-kz', negotiationId: 'n1' });
    expect(otherNegotiation).not.toHaveBeenCalled();
  });

  it('ignores malformed entries and stray rings, with a log line, and keeps relaying', async () => {
    const logs = new LogCapture();
    const connection = await RedisLink.connect({ url: redis.url, logger: logs.logger });
    connections.push(connection);
    const relay = new SessionEndRelay(connection, 'listener', logs.logger);
    relays.push(relay);
    const applied: SessionEnd[] = [];
    await relay.listen((end) => applied.push(end));
    const a = await instance();
    for (const junk of ['not json', '{"from":"x","end":{"kind":"account","userId":"u-kz","reason":"because"}}', '{"end":{}}']) {
      await a.connection.publisher.xAdd('resolutions:session-ends', '*', { payload: junk });
    }
    await a.connection.publisher.publish('resolutions:session-ends:new', '99999999999999-0 forged');
    a.sessions.endAll('u-eu', 'account-removed');
    await waitFor(() => applied.length > 0);
    expect(applied).toEqual([{ kind: 'account', userId: 'u-eu', reason: 'account-removed' }]);
    expect(logs.entries.filter((l) => l.msg === 'ignored a malformed session end')).toHaveLength(3);
  });

  it('catches up, in order, on the ends published while an instance was cut off from Redis', async () => {
    const proxy = await cuttableProxy(redis.port);
    try {
      const a = await instance();
      const b = await instance(proxy.url);
      const onB = connect(b.sessions, 'u-kz');
      const logged = await a.connection.publisher.xLen('resolutions:session-ends');
      const cutOff = new Promise<void>((resolve) => b.connection.onDown(resolve));
      proxy.cutSubscriber();
      await cutOff;
      a.sessions.endMembership('u-kz', 'n1');
      a.sessions.endAll('u-kz', 'account-removed');
      await waitFor(async () => (await a.connection.publisher.xLen('resolutions:session-ends')) >= logged + 2);
      expect(b.applied).toEqual([]);
      await proxy.restore();
      await expect(onB).resolves.toBe('account-removed');
      expect(b.applied).toEqual([
        { kind: 'membership', userId: 'u-kz', negotiationId: 'n1' },
        { kind: 'account', userId: 'u-kz', reason: 'account-removed' },
      ]);
    } finally {
      proxy.close();
    }
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A TCP proxy to Redis for one RedisLink that can drop the link's subscriber connection (its
 * second) and refuse new ones until restored: the instance stops hearing the channel, as in a
 * partition, while its command connection stays.
 */
async function cuttableProxy(redisPort: number) {
  const pairs: net.Socket[][] = [];
  let server: net.Server;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(redisPort, '127.0.0.1');
        pairs.push([client, upstream]);
        for (const socket of [client, upstream]) socket.on('error', () => {});
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  return {
    url: `redis://127.0.0.1:${port}`,
    cutSubscriber: () => {
      // Stops listening at once (the callback would wait for the connections left open).
      server.close();
      pairs.slice(1).flat().forEach((socket) => socket.destroy());
    },
    restore: () => listen(port),
    close: () => {
      server.close();
      pairs.flat().forEach((socket) => socket.destroy());
    },
  };
}
