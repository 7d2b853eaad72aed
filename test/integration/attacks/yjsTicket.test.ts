import { CloseCode } from '../../../shared/closeCodes';
import { requestJson } from '../../helpers/http';
import { openRawYjs } from '../../helpers/rawSocket';
import { startTestServer, type TestServer } from '../../helpers/testServer';

/** The browser connects to the Yjs channel with a single-use ticket instead of its session token. */
describe('attack: Yjs tickets are single-use, short-lived, for one draft and one member', () => {
  let server: TestServer;
  let draftId: string;
  let otherDraftId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    draftId = await server.demoDraftId();
    otherDraftId = (await server.store.drafts.list()).find((d) => d.id !== draftId)!.id;
    for (const name of ['kazakhstan', 'eu', 'brazil', 'chair']) tokens[name] = (await server.login(name)).token;
  });
  afterAll(() => server.stop());

  const ticketFor = async (name: string, draft = draftId) =>
    requestJson<{ ticket: string; expiresAt: string }>(`${server.url}/api/drafts/${draft}/ticket`, { method: 'POST', token: tokens[name] });
  const openWithTicket = (ticket: string, draft = draftId) => openRawYjs(server.wsUrl, `${draft}?ticket=${encodeURIComponent(ticket)}`);

  it('issues a ticket that opens the draft once, and never again', async () => {
    const { status, body } = await ticketFor('kazakhstan');
    expect(status).toBe(200);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    expect(body.ticket).not.toContain(tokens.kazakhstan);
    const first = openWithTicket(body.ticket);
    await first.firstMessage;
    const again = openWithTicket(body.ticket);
    expect(await again.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'sign-in required' });
    expect(first.ws.readyState).toBe(first.ws.OPEN);
    first.ws.close();
  });

  it('refuses a ticket on another draft than the one it was issued for', async () => {
    const { body } = await ticketFor('eu', otherDraftId);
    expect(await openWithTicket(body.ticket, draftId).closed).toEqual({ code: CloseCode.Unauthorized, reason: 'sign-in required' });
  });

  it('answers 404 to a non-member asking for a ticket, as for a draft that does not exist', async () => {
    expect(await ticketFor('brazil')).toMatchObject({ status: 404, body: { error: 'no such draft' } });
    expect(await ticketFor('brazil', 'no-such-draft')).toMatchObject({ status: 404, body: { error: 'no such draft' } });
  });

  it('refuses a ticket whose holder stopped being a member before using it', async () => {
    const { body } = await ticketFor('kazakhstan');
    const negotiationId = (await server.store.drafts.get(draftId))!.negotiationId;
    const kazakhstanId = (await server.store.users.findByUsername('kazakhstan'))!.id;
    const member = `${server.url}/api/negotiations/${negotiationId}/members/${kazakhstanId}`;
    expect((await requestJson(member, { method: 'DELETE', token: tokens.chair })).status).toBe(204);
    try {
      expect(await openWithTicket(body.ticket).closed).toEqual({ code: CloseCode.UnknownDraft, reason: 'no such draft' });
    } finally {
      await requestJson(member, { method: 'PUT', token: tokens.chair, json: { role: 'delegate', delegation: 'Kazakhstan' } });
    }
  });

  it('still takes ?token= (stock y-websocket clients and tests)', async () => {
    const connection = openRawYjs(server.wsUrl, draftId, tokens.eu);
    await connection.firstMessage;
    connection.ws.close();
  });
});
