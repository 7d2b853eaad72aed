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

  /** An instance: a registry whose ends travel through Redis, and what it was told to forget. */
  const instance = async () => {
    const connection = await RedisLink.connect({ url: redis.url, logger: createLogger('silent') });
    connections.push(connection);
    const relay = new SessionEndRelay(connection, `instance-${connections.length}`, createLogger('silent'));
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

  it('ignores a malformed message on the channel, with a log line, and keeps relaying', async () => {
    const logs = new LogCapture();
    const connection = await RedisLink.connect({ url: redis.url, logger: logs.logger });
    connections.push(connection);
    const relay = new SessionEndRelay(connection, 'listener', logs.logger);
    const applied: SessionEnd[] = [];
    await relay.listen((end) => applied.push(end));
    const a = await instance();
    for (const junk of ['not json', '{"from":"x","end":{"kind":"account","userId":"u-kz","reason":"because"}}', '{"end":{}}']) {
      await a.connection.publisher.publish('resolutions:session-ends', junk);
    }
    a.sessions.endAll('u-eu', 'account-removed');
    await waitFor(() => applied.length > 0);
    expect(applied).toEqual([{ kind: 'account', userId: 'u-eu', reason: 'account-removed' }]);
    expect(logs.entries.filter((l) => l.msg === 'ignored a malformed session end')).toHaveLength(3);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
