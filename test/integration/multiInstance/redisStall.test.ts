import { createLogger } from '../../../server/logger';
import { RedisLink } from '../../../server/scaleout/redisLink';
import { decodeRelayMessage, draftChannel } from '../../../server/scaleout/relayMessage';
import { LogCapture } from '../../helpers/captureLogs';
import { pause, stallEventLoop } from '../../helpers/eventLoopStall';
import { requestJson } from '../../helpers/http';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { hasAll, mark } from '../../helpers/tokenEdits';
import { connectYjs, waitForDoc, type YjsClient } from '../../helpers/yjsClient';

/**
 * An event-loop stall longer than REDIS_COMMAND_TIMEOUT_MS (default settings) is not a silent
 * Redis: the link stays up, nothing is logged as an outage, and no room resyncs (each flap made
 * every loaded room re-read the store and ask every other instance to resync).
 */
describe('several instances: an event-loop stall with Redis answering', () => {
  let redis: RedisUnderTest;
  let a: TestServer;
  let b: TestServer;
  let observer: RedisLink;
  const logs = new LogCapture('info');
  const clients: YjsClient[] = [];
  const connect = async (server: TestServer, username: string) => {
    const client = connectYjs(server.wsUrl, draftId, (await server.login(username)).token);
    clients.push(client);
    await client.synced;
    return client;
  };
  let draftId: string;

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestServer({ redisUrl: redis.url }, logs.logger);
    b = await startTestServer({ redisUrl: redis.url, dataDir: a.dataDir }, logs.logger);
    observer = await RedisLink.connect({ url: redis.url, logger: createLogger('silent') });
    draftId = await a.demoDraftId();
  });
  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    await observer?.close();
    await b?.close();
    await a?.stop();
    await redis?.stop();
  });

  it('keeps the link up, logs no outage and resyncs nothing through a 2.5 s stall', async () => {
    const kinds: string[] = [];
    await observer.subscribe(draftChannel(draftId), (message) => kinds.push(decodeRelayMessage(message).kind));
    const [kz, eu] = await Promise.all([connect(a, 'kazakhstan'), connect(b, 'eu')]);
    mark(kz.doc, 0, 'before-stall');
    await waitForDoc(eu.doc, hasAll(['before-stall']));
    const changes: string[] = [];
    for (const [name, server] of [
      ['a', a],
      ['b', b],
    ] as const) {
      server.redis!.onDown(() => changes.push(`${name} down`));
      server.redis!.onUp(() => changes.push(`${name} up`));
    }
    const logged = logs.mark();
    kinds.length = 0;

    stallEventLoop(2_500);
    // Past every timer the stall made due, and two liveness judgements.
    await pause(3_000);

    expect(changes).toEqual([]);
    expect(logs.since(logged).filter((entry) => /redis/i.test(entry.msg))).toEqual([]);
    expect(kinds).not.toContain('resync');
    expect((await requestJson(`${a.url}/healthz`)).status).toBe(200);
    mark(eu.doc, 1, 'after-stall');
    await waitForDoc(kz.doc, hasAll(['after-stall']));
  }, 60_000);
});
