import type { Member, NegotiationDetail } from '../../shared/negotiations';
import { CloseCode } from '../../shared/closeCodes';
import type { SessionEndReason } from '../../shared/events';
import { requestJson } from '../helpers/http';
import { openRawYjs } from '../helpers/rawSocket';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../helpers/socketClient';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('negotiations: membership run by facilitators and administrators', () => {
  let server: TestServer;
  let draftId: string;
  let negotiationId: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const sockets: ClientSocket[] = [];
  const api = (path: string) => `${server.url}/api${path}`;
  const member = (userId: string) => api(`/negotiations/${negotiationId}/members/${userId}`);

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['admin', 'chair', 'chair2', 'kazakhstan', 'belarus', 'philippines', 'brazil', 'eu', 'usa']) {
      const { token, user } = await server.login(name);
      tokens[name] = token;
      ids[name] = user.id;
    }
    draftId = await server.demoDraftId();
    negotiationId = (await server.store.drafts.get(draftId))!.negotiationId;
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
  afterAll(() => server.stop());

  async function joined(name: string): Promise<ClientSocket> {
    const socket = await connectSocket(server.url, tokens[name]);
    sockets.push(socket);
    expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true });
    return socket;
  }

  it('disconnects a removed member from the Yjs channel and takes their socket.io connection out of the draft at once', async () => {
    const yjs = openRawYjs(server.wsUrl, draftId, tokens.belarus);
    await yjs.firstMessage;
    const socket = await joined('belarus');
    const other = openRawYjs(server.wsUrl, draftId, tokens.kazakhstan);
    await other.firstMessage;
    const ended = nextEvent<{ reason: SessionEndReason; negotiationId?: string }>(socket, 'session:ended');

    expect(await requestJson(member(ids.belarus), { method: 'DELETE', token: tokens.chair })).toMatchObject({ status: 204 });

    expect(await yjs.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'session ended: membership-changed' });
    expect(await ended).toEqual({ reason: 'membership-changed', negotiationId });
    // Out of the draft: comment events for it are refused, and joining again is refused as for an unknown draft.
    expect(await emitAck(socket, 'comment:create', { draftId, anchor: {}, text: 'still here?' })).toMatchObject({ ok: false });
    expect(await emitAck(socket, 'draft:join', { draftId })).toEqual({ ok: false, error: 'no such draft' });
    expect((await openRawYjs(server.wsUrl, draftId, tokens.belarus).closed).code).toBe(CloseCode.UnknownDraft);
    expect((await requestJson(api(`/drafts/${draftId}`), { token: tokens.belarus })).status).toBe(404);
    // Nobody else was touched.
    expect(other.ws.readyState).toBe(other.ws.OPEN);
    other.ws.close();
  });

  it('closes the connections of a member whose role changed; the next one has the new role', async () => {
    const yjs = openRawYjs(server.wsUrl, draftId, tokens.philippines);
    await yjs.firstMessage;
    const changed = await requestJson<{ member: Member }>(member(ids.philippines), { method: 'PUT', token: tokens.chair, json: { role: 'observer' } });
    expect(changed).toMatchObject({ status: 200, body: { member: { userId: ids.philippines, role: 'observer', delegation: 'Observer' } } });
    expect(await yjs.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'session ended: membership-changed' });
    const socket = await connectSocket(server.url, tokens.philippines);
    sockets.push(socket);
    expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true, access: { role: 'observer' } });
  });

  it('ends a Yjs connection whose access check read the membership just before it was removed', async () => {
    const memberships = server.store.memberships;
    const get = memberships.get.bind(memberships);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let signalRead = () => {};
    const read = new Promise<void>((resolve) => (signalRead = resolve));
    const spy = jest.spyOn(memberships, 'get').mockImplementationOnce(async (n, u) => {
      const found = await get(n, u);
      signalRead();
      await held;
      return found;
    });
    // usa has not opened the draft on this server yet: nothing of its access is cached.
    try {
      const yjs = openRawYjs(server.wsUrl, draftId, tokens.usa);
      await read;
      expect((await requestJson(member(ids.usa), { method: 'DELETE', token: tokens.chair })).status).toBe(204);
      release();
      expect(await yjs.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'session ended: membership-changed' });
    } finally {
      spy.mockRestore();
    }
    expect((await requestJson(member(ids.usa), { method: 'PUT', token: tokens.chair, json: { role: 'delegate', delegation: 'United States' } })).status).toBe(201);
  });

  it('ends nothing when a member is put again with the same role and delegation', async () => {
    const yjs = openRawYjs(server.wsUrl, draftId, tokens.eu);
    await yjs.firstMessage;
    const again = await requestJson(member(ids.eu), { method: 'PUT', token: tokens.chair, json: { role: 'delegate', delegation: 'European Union' } });
    expect(again).toMatchObject({ status: 200, body: { member: { role: 'delegate', delegation: 'European Union' } } });
    await joined('eu'); // a round trip after the call: had it ended the Yjs connection, the close would have come first
    expect(yjs.ws.readyState).toBe(yjs.ws.OPEN);
    yjs.ws.close();
  });

  it('lets a facilitator add an account, which then sees the draft (201), and writes it all to the audit log', async () => {
    expect((await requestJson(api(`/drafts/${draftId}`), { token: tokens.brazil })).status).toBe(404);
    const added = await requestJson(member(ids.brazil), { method: 'PUT', token: tokens.chair, json: { role: 'delegate', delegation: 'Brazil' } });
    expect(added).toMatchObject({ status: 201, body: { member: { userId: ids.brazil, username: 'brazil', role: 'delegate', delegation: 'Brazil', addedBy: ids.chair } } });
    expect(await requestJson(api(`/drafts/${draftId}`), { token: tokens.brazil })).toMatchObject({ status: 200, body: { access: { role: 'delegate', delegation: 'Brazil' } } });
    const detail = await requestJson<NegotiationDetail>(api(`/negotiations/${negotiationId}`), { token: tokens.brazil });
    expect(detail.body.drafts.map((d) => d.id)).toContain(draftId);
    expect(detail.body.negotiation.me).toEqual({ role: 'delegate', delegation: 'Brazil' });

    const audit = await requestJson<{ entries: Array<{ action: string; target: string; actorId: string }> }>(api(`/negotiations/${negotiationId}/audit`), { token: tokens.chair });
    expect(audit.body.entries[0]).toMatchObject({ action: 'member-added', target: ids.brazil, actorId: ids.chair });
    expect(audit.body.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['member-removed', 'member-changed']));
  });

  it('lets a facilitator add an account by its username (it cannot list accounts); an unknown one is 404', async () => {
    const added = await requestJson(member('Philippines'), { method: 'PUT', token: tokens.chair, json: { role: 'observer' } });
    expect(added).toMatchObject({ body: { member: { userId: ids.philippines, username: 'philippines', role: 'observer' } } });
    expect(await requestJson(member('nobody-here'), { method: 'PUT', token: tokens.chair, json: { role: 'observer' } })).toMatchObject({
      status: 404,
      body: { error: 'no such account' },
    });
  });

  it('refuses to remove or demote the last facilitator (409), and allows it once another is appointed by the admin', async () => {
    expect(await requestJson(member(ids.chair), { method: 'DELETE', token: tokens.chair })).toEqual(
      expect.objectContaining({ status: 409, body: { error: 'a negotiation keeps at least one facilitator; appoint another first' } }),
    );
    expect((await requestJson(member(ids.chair), { method: 'PUT', token: tokens.chair, json: { role: 'delegate', delegation: 'Chair' } })).status).toBe(409);
    expect((await requestJson(member(ids.chair2), { method: 'PUT', token: tokens.admin, json: { role: 'facilitator' } })).status).toBe(201);
    expect((await requestJson(member(ids.chair2), { method: 'DELETE', token: tokens.chair })).status).toBe(204);
    expect((await server.store.memberships.listByNegotiation(negotiationId)).filter((m) => m.role === 'facilitator').map((m) => m.userId)).toEqual([ids.chair]);
  });

  it.each([
    ['an unknown account', () => member('no-such-user'), { role: 'delegate', delegation: 'X' }, 404, 'no such account'],
    ['an unknown negotiation', () => api(`/negotiations/no-such/members/${ids.brazil}`), { role: 'delegate', delegation: 'X' }, 404, 'no such negotiation'],
    ['a delegate without a delegation', () => member(ids.brazil), { role: 'delegate' }, 400, 'delegation: a delegate needs a delegation'],
    ['an unknown role', () => member(ids.brazil), { role: 'king', delegation: 'X' }, 400, /^role: /],
    ['a delegation with a control character', () => member(ids.brazil), { role: 'delegate', delegation: 'Bra\u0000zil' }, 400, /^delegation: /],
  ])('refuses %s with a clear error and changes nothing', async (_name, url, json, status, error) => {
    const before = await server.store.memberships.listByNegotiation(negotiationId);
    const answer = await requestJson(url(), { method: 'PUT', token: tokens.chair, json });
    expect(answer).toMatchObject({ status, body: { error: typeof error === 'string' ? error : expect.stringMatching(error) } });
    expect(await server.store.memberships.listByNegotiation(negotiationId)).toEqual(before);
  });

  it('answers 404 for removing someone who is not a member', async () => {
    expect(await requestJson(member(ids.chair2), { method: 'DELETE', token: tokens.chair })).toMatchObject({ status: 404, body: { error: 'no such member' } });
  });

  it('lets only the admin create negotiations and accounts; a new account signs in and changes its password', async () => {
    expect((await requestJson(api('/negotiations'), { token: tokens.chair, json: { name: 'Third' } })).status).toBe(403);
    const created = await requestJson<{ negotiation: { id: string } }>(api('/negotiations'), {
      token: tokens.admin,
      json: { name: 'Commission on Narcotic Drugs', body: 'CND 70th session', startsOn: '2027-03-10', endsOn: '2027-03-14' },
    });
    expect(created).toMatchObject({ status: 201, body: { negotiation: { name: 'Commission on Narcotic Drugs', me: null } } });
    expect((await requestJson(api('/negotiations'), { token: tokens.admin, json: { name: 'Bad', startsOn: '2027-03-14', endsOn: '2027-03-10' } })).status).toBe(400);

    expect((await requestJson(api('/users'), { token: tokens.chair })).status).toBe(403);
    const user = await requestJson<{ user: { id: string } }>(api('/users'), { token: tokens.admin, json: { username: 'mexico', displayName: 'Delegate of Mexico', password: 'first password' } });
    expect(user).toMatchObject({ status: 201, body: { user: { username: 'mexico', admin: false } } });
    expect((await requestJson(api('/users'), { token: tokens.admin, json: { username: 'mexico', displayName: 'Again', password: 'first password' } })).status).toBe(409);
    const { token } = (await requestJson<{ token: string }>(api('/login'), { json: { username: 'mexico', password: 'first password' } })).body;
    expect(await requestJson(api('/me/password'), { token, json: { oldPassword: 'wrong', newPassword: 'second password' } })).toMatchObject({ status: 400, body: { error: 'the old password is wrong' } });
    expect((await requestJson(api('/me/password'), { token, json: { oldPassword: 'first password', newPassword: 'short' } })).status).toBe(400);
    expect((await requestJson(api('/me/password'), { token, json: { oldPassword: 'first password', newPassword: 'second password' } })).status).toBe(204);
    expect((await requestJson(api('/login'), { json: { username: 'mexico', password: 'second password' } })).status).toBe(200);
    // A member of nothing sees nothing.
    expect(await requestJson(api('/drafts'), { token })).toMatchObject({ status: 200, body: { drafts: [] } });
    expect(await requestJson(api('/negotiations'), { token })).toMatchObject({ status: 200, body: { negotiations: [] } });
  });

  it('writes sign-ins, failed ones included, to the audit log', async () => {
    expect((await requestJson(api('/login'), { json: { username: 'kazakhstan', password: 'not the password' } })).status).toBe(401);
    await server.login('kazakhstan');
    // Sign-ins are server-wide (no negotiation): there is no route for them yet, so read the store.
    const [success, failure] = await server.store.audit.listByNegotiation(null, 2);
    expect(failure).toMatchObject({ action: 'sign-in-failed', actorId: null, target: 'kazakhstan' });
    expect(success).toMatchObject({ action: 'sign-in', actorId: ids.kazakhstan, target: 'kazakhstan' });
  });
});
