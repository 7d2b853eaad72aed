import type { ThreadCreated } from '../../../shared/comments';
import type { PresenceRoster } from '../../../shared/presence';
import { anchorOn, findParagraph } from '../../helpers/anchors';
import { requestJson } from '../../helpers/http';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, type YjsClient } from '../../helpers/yjsClient';

/** Redis goes away during a session: the instance keeps serving its own clients, and catches up when it returns. */
describe('several instances: shared state while Redis is away', () => {
  let redis: RedisUnderTest;
  let server: TestServer;
  let draftId: string;
  let chairDoc: YjsClient;
  const sockets: ClientSocket[] = [];

  const join = async (name: string) => {
    const socket = await connectSocket(server.url, (await server.login(name)).token);
    sockets.push(socket);
    expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true });
    return socket;
  };
  const delegations = (roster: PresenceRoster) => roster.people.map((p) => p.delegation).sort();

  beforeAll(async () => {
    redis = await startRedis();
    server = await startTestServer({ redisUrl: redis.url, presenceTtlMs: 1_500 });
    draftId = await server.demoDraftId();
    chairDoc = connectYjs(server.wsUrl, draftId, (await server.login('chair')).token);
    await chairDoc.synced;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    chairDoc?.destroy();
    await server?.stop();
    await redis?.stop();
  });

  it('refuses tickets with 503, still lets people join and comment, and broadcasts the roster again when Redis returns', async () => {
    const kz = await join('kazakhstan');
    const down = new Promise<void>((resolve) => server.redis!.onDown(resolve));
    await redis.stop();
    await down;

    const ticket = await requestJson(`${server.url}/api/drafts/${draftId}/ticket`, { method: 'POST', token: (await server.login('eu')).token });
    expect(ticket).toMatchObject({ status: 503, body: { error: 'shared state (Redis) is unreachable; try again shortly' } });

    const eu = await join('eu');
    const heard = nextEvent<ThreadCreated>(eu, 'comment:created');
    const anchor = anchorOn(findParagraph(chairDoc.doc, 'Urges Member States'), 'Urges');
    expect(await emitAck(kz, 'comment:create', { draftId, anchor, text: 'Said while Redis was away.' })).toMatchObject({ ok: true });
    expect((await heard).comment.text).toBe('Said while Redis was away.');

    const bothListed = nextEvent<PresenceRoster>(kz, 'presence', (r) => delegations(r).includes('European Union'));
    const up = new Promise<void>((resolve) => server.redis!.onUp(resolve));
    redis = await startRedis(redis.port);
    await up;
    expect(delegations(await bothListed)).toEqual(['European Union', 'Kazakhstan']);
    const again = await requestJson<{ ticket: string }>(`${server.url}/api/drafts/${draftId}/ticket`, { method: 'POST', token: (await server.login('eu')).token });
    expect(again.status).toBe(200);
  }, 30_000);
});
