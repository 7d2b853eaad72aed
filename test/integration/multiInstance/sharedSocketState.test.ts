import { randomBytes } from 'node:crypto';
import { CloseCode } from '../../../shared/closeCodes';
import type { ThreadCreated } from '../../../shared/comments';
import type { SessionEndReason } from '../../../shared/events';
import type { PresenceRoster } from '../../../shared/presence';
import { anchorOn, findParagraph } from '../../helpers/anchors';
import { requestJson } from '../../helpers/http';
import { openRawYjs } from '../../helpers/rawSocket';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, type YjsClient } from '../../helpers/yjsClient';

const REFUSED = { code: CloseCode.Unauthorized, reason: 'sign-in required' };

/** Two instances on one Redis and one data dir: what socket.io, presence, tickets and session ends share. */
describe('several instances: socket.io rooms, presence, tickets and session ends through Redis', () => {
  let redis: RedisUnderTest;
  let a: TestServer;
  let b: TestServer;
  let draftId: string;
  let negotiationId: string;
  let chairDoc: YjsClient;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const sockets: ClientSocket[] = [];

  const join = async (server: TestServer, name: string) => {
    const socket = await connectSocket(server.url, tokens[name]);
    sockets.push(socket);
    expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true });
    return socket;
  };
  const ticketOn = async (server: TestServer, name: string, draft = draftId) =>
    (await requestJson<{ ticket: string }>(`${server.url}/api/drafts/${draft}/ticket`, { method: 'POST', token: tokens[name] })).body.ticket;
  const openWithTicket = (server: TestServer, ticket: string, draft = draftId) => openRawYjs(server.wsUrl, `${draft}?ticket=${encodeURIComponent(ticket)}`);
  const delegationsIn = (roster: PresenceRoster) => roster.people.map((p) => p.delegation).sort();

  beforeAll(async () => {
    redis = await startRedis();
    a = await startTestServer({ redisUrl: redis.url });
    b = await startTestServer({ redisUrl: redis.url, dataDir: a.dataDir });
    draftId = await a.demoDraftId();
    negotiationId = (await a.store.drafts.get(draftId))!.negotiationId;
    for (const name of ['chair', 'kazakhstan', 'eu', 'belarus', 'brazil', 'nigeria']) {
      const { token, user } = await a.login(name);
      tokens[name] = token;
      ids[name] = user.id;
    }
    chairDoc = connectYjs(a.wsUrl, draftId, tokens.chair);
    await chairDoc.synced;
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
  afterAll(async () => {
    chairDoc?.destroy();
    await b?.close();
    await a?.stop();
    await redis?.stop();
  });

  it('delivers a comment posted through A to a socket on B; a private thread only to those who may see it', async () => {
    const kzOnA = await join(a, 'kazakhstan');
    const kzOnB = await join(b, 'kazakhstan');
    const euOnB = await join(b, 'eu');
    const heardByEu: ThreadCreated[] = [];
    euOnB.on('comment:created', (created) => heardByEu.push(created));
    const anchor = anchorOn(findParagraph(chairDoc.doc, 'Urges Member States'), 'Urges');

    const privately = nextEvent<ThreadCreated>(kzOnB, 'comment:created');
    const secret = await emitAck<ThreadCreated>(kzOnA, 'comment:create', { draftId, anchor, text: 'Our red line.', visibility: 'delegation' });
    expect(secret).toMatchObject({ ok: true });
    expect((await privately).comment.text).toBe('Our red line.');

    const openly = nextEvent<ThreadCreated>(euOnB, 'comment:created');
    expect(await emitAck(kzOnA, 'comment:create', { draftId, anchor, text: 'For everyone.' })).toMatchObject({ ok: true });
    expect((await openly).comment.text).toBe('For everyone.');
    // Broadcasts from one instance arrive in order: the private one, had it been sent to the EU, came first.
    expect(heardByEu.map((c) => c.comment.text)).toEqual(['For everyone.']);
  });

  it('lists the people connected to either instance, and tells both when one leaves', async () => {
    const kzOnA = await join(a, 'kazakhstan');
    const bothHere = nextEvent<PresenceRoster>(kzOnA, 'presence', (r) => delegationsIn(r).includes('European Union'));
    const euOnB = await join(b, 'eu');
    expect(delegationsIn(await bothHere)).toEqual(['European Union', 'Kazakhstan']);

    const euLeft = nextEvent<PresenceRoster>(kzOnA, 'presence', (r) => !delegationsIn(r).includes('European Union'));
    euOnB.disconnect();
    expect(delegationsIn(await euLeft)).toEqual(['Kazakhstan']);
  });

  it('opens the draft on B with a ticket issued on A, exactly once: a replay is refused on both', async () => {
    const ticket = await ticketOn(a, 'kazakhstan');
    const first = openWithTicket(b, ticket);
    await first.firstMessage;
    expect(await openWithTicket(b, ticket).closed).toEqual(REFUSED);
    expect(await openWithTicket(a, ticket).closed).toEqual(REFUSED);
    expect(first.ws.readyState).toBe(first.ws.OPEN);
    first.ws.close();
  });

  it('lets one of two simultaneous uses of a ticket on two instances through, and no more', async () => {
    const ticket = await ticketOn(b, 'eu');
    const attempts = [openWithTicket(a, ticket), openWithTicket(b, ticket)];
    const outcomes = await Promise.all(attempts.map((c) => Promise.race([c.firstMessage.then(() => 'open'), c.closed.then(() => 'refused')])));
    expect(outcomes.sort()).toEqual(['open', 'refused']);
    attempts.forEach((c) => c.ws.close());
  });

  it('refuses forged tickets on every instance, and a ticket for another draft', async () => {
    for (const server of [a, b]) {
      for (const forged of [randomBytes(32).toString('base64url'), 'made-up', '*', tokens.kazakhstan]) {
        expect(await openWithTicket(server, forged).closed).toEqual(REFUSED);
      }
    }
    const otherDraft = (await a.store.drafts.list()).find((d) => d.id !== draftId)!;
    expect(await openWithTicket(b, await ticketOn(a, 'eu', otherDraft.id), draftId).closed).toEqual(REFUSED);
  });

  it('ends a removed member\'s connections on both instances, and B forgets their access at once', async () => {
    const yjsOnA = openRawYjs(a.wsUrl, draftId, tokens.belarus);
    const yjsOnB = openRawYjs(b.wsUrl, draftId, tokens.belarus);
    await Promise.all([yjsOnA.firstMessage, yjsOnB.firstMessage]);
    const onA = await join(a, 'belarus');
    const onB = await join(b, 'belarus');
    const ended = [onA, onB].map((s) => nextEvent<{ reason: SessionEndReason; negotiationId?: string }>(s, 'session:ended'));
    const member = `${a.url}/api/negotiations/${negotiationId}/members/${ids.belarus}`;

    expect(await requestJson(member, { method: 'DELETE', token: tokens.chair })).toMatchObject({ status: 204 });
    try {
      const closed = { code: CloseCode.Unauthorized, reason: 'session ended: membership-changed' };
      expect(await Promise.all([yjsOnA.closed, yjsOnB.closed])).toEqual([closed, closed]);
      expect(await Promise.all(ended)).toEqual([
        { reason: 'membership-changed', negotiationId },
        { reason: 'membership-changed', negotiationId },
      ]);
      // B had the access cached (the joins above): it is gone there too.
      expect(await emitAck(onB, 'draft:join', { draftId })).toEqual({ ok: false, error: 'no such draft' });
      expect((await requestJson(`${b.url}/api/drafts/${draftId}`, { token: tokens.belarus })).status).toBe(404);
    } finally {
      await requestJson(member, { method: 'PUT', token: tokens.chair, json: { role: 'delegate', delegation: 'Belarus' } });
    }
  });

  it('ends a removed account\'s connections on the other instance', async () => {
    const onB = await connectSocket(b.url, tokens.nigeria);
    sockets.push(onB);
    const yjsOnB = openRawYjs(b.wsUrl, draftId, tokens.nigeria);
    await yjsOnB.firstMessage;
    const ended = nextEvent<{ reason: SessionEndReason }>(onB, 'session:ended');
    await a.accounts.remove(ids.nigeria);
    expect(await ended).toEqual({ reason: 'account-removed' });
    expect(await yjsOnB.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'session ended: account-removed' });
    await expect(connectSocket(b.url, tokens.nigeria)).rejects.toThrow();
  });
});
