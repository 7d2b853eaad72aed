import type { DraftSummary } from '../../../shared/drafts';
import type { NegotiationSummary } from '../../../shared/negotiations';
import { CloseCode } from '../../../shared/closeCodes';
import { requestJson } from '../../helpers/http';
import { openRawYjs } from '../../helpers/rawSocket';
import { connectSocket, emitAck } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';

/**
 * Confidentiality of a negotiation: every route and both live channels about the CCPCJ draft,
 * walked as a person of another negotiation (brazil), the facilitator of another negotiation
 * (chair2), the administrator (no membership), an observer, a delegate and its facilitator.
 */
describe('attack: a draft is seen only by the members of its negotiation', () => {
  let server: TestServer;
  let draftId: string;
  let negotiationId: string;
  let versionId: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const api = (path: string) => `${server.url}/api${path}`;

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['brazil', 'chair2', 'admin', 'secretariat', 'kazakhstan', 'chair']) {
      const { token, user } = await server.login(name);
      tokens[name] = token;
      ids[name] = user.id;
    }
    draftId = await server.demoDraftId();
    negotiationId = (await server.store.drafts.get(draftId))!.negotiationId;
    versionId = (await server.store.versions.list(draftId))[0].id;
  });
  afterAll(() => server.stop());

  /** [method, path, body] of every route that names the draft or its negotiation. */
  const draftRoutes = (): Array<[string, string, unknown?]> => [
    ['GET', `/drafts/${draftId}`],
    ['GET', `/drafts/${draftId}/comments`],
    ['GET', `/drafts/${draftId}/versions`],
    ['POST', `/drafts/${draftId}/versions`, { name: 'Rev.9' }],
    ['GET', `/drafts/${draftId}/versions/${versionId}`],
    ['POST', `/drafts/${draftId}/versions/${versionId}/restore`, {}],
    ['GET', `/drafts/${draftId}/compare?from=${versionId}&to=current`],
    ['GET', `/drafts/${draftId}/activity`],
  ];
  const negotiationRoutes = (): Array<[string, string, unknown?]> => [
    ['GET', `/negotiations/${negotiationId}`],
    ['GET', `/negotiations/${negotiationId}/members/${ids.kazakhstan}`],
    ['PUT', `/negotiations/${negotiationId}/members/${ids.brazil}`, { role: 'delegate', delegation: 'Brazil' }],
    ['DELETE', `/negotiations/${negotiationId}/members/${ids.kazakhstan}`],
    ['POST', `/negotiations/${negotiationId}/drafts`, { title: 'Leaked draft' }],
    ['GET', `/negotiations/${negotiationId}/audit`],
  ];
  const call = (name: string, [method, path, json]: [string, string, unknown?]) =>
    requestJson(api(path), { method, token: tokens[name], json });

  it.each(['brazil', 'chair2'])('answers 404 to %s on every route about the draft and its negotiation, as for one that does not exist', async (name) => {
    for (const route of [...draftRoutes(), ...negotiationRoutes()]) {
      const { status, body } = await call(name, route);
      expect({ route: route.slice(0, 2), status }).toEqual({ route: route.slice(0, 2), status: 404 });
      expect(body).toEqual({ error: expect.stringMatching(/^no such (draft|negotiation)$/) });
    }
    expect(await requestJson(api(`/drafts/${draftId}`), { token: tokens[name] })).toEqual(await requestJson(api('/drafts/no-such-draft'), { token: tokens[name] }));
    expect((await server.store.versions.list(draftId)).map((v) => v.name)).not.toContain('Rev.9');
    expect(await server.store.memberships.get(negotiationId, ids.brazil)).toBeNull();
  });

  it('leaves the draft out of the lists of people outside its negotiation', async () => {
    for (const name of ['brazil', 'chair2', 'admin']) {
      const { body } = await requestJson<{ drafts: DraftSummary[] }>(api('/drafts'), { token: tokens[name] });
      expect(body.drafts.map((d) => d.id)).not.toContain(draftId);
    }
    const mine = await requestJson<{ drafts: DraftSummary[] }>(api('/drafts'), { token: tokens.brazil });
    expect(mine.body.drafts.map((d) => d.symbol)).toEqual(['A/AC.301/2026/L.2']);
    const negotiations = await requestJson<{ negotiations: NegotiationSummary[] }>(api('/negotiations'), { token: tokens.brazil });
    expect(negotiations.body.negotiations.map((n) => n.name)).toEqual(['Ad Hoc Committee on Cybercrime Cooperation, 2nd session']);
  });

  it.each(['brazil', 'chair2', 'admin'])('closes the Yjs channel of %s with 4404 and refuses draft:join as for an unknown draft', async (name) => {
    const yjs = openRawYjs(server.wsUrl, draftId, tokens[name]);
    expect(await yjs.closed).toEqual({ code: CloseCode.UnknownDraft, reason: 'no such draft' });
    const socket = await connectSocket(server.url, tokens[name]);
    try {
      expect(await emitAck(socket, 'draft:join', { draftId })).toEqual({ ok: false, error: 'no such draft' });
      expect(await emitAck(socket, 'comment:create', { draftId, anchor: {}, text: 'hello' })).toMatchObject({ ok: false });
    } finally {
      socket.disconnect();
    }
    expect(await server.store.comments.listByDraft(draftId)).toEqual([]);
  });

  it('shows the administrator the negotiation and its members, and lets them appoint, but not open its drafts', async () => {
    expect((await call('admin', ['GET', `/negotiations/${negotiationId}`])).status).toBe(200);
    expect((await call('admin', ['GET', `/negotiations/${negotiationId}/audit`])).status).toBe(200);
    expect((await call('admin', ['GET', `/drafts/${draftId}`])).status).toBe(404);
    expect(await call('admin', ['POST', `/negotiations/${negotiationId}/drafts`, { title: 'Admin draft' }])).toMatchObject({ status: 403 });
  });

  it.each([
    ['secretariat', 'observer'],
    ['kazakhstan', 'delegate'],
  ])('lets %s (%s) read the draft but not name or restore versions, manage members, create drafts or read the audit', async (name, role) => {
    const opened = await call(name, ['GET', `/drafts/${draftId}`]);
    expect(opened).toMatchObject({ status: 200, body: { access: { negotiationId, role } } });
    const refused: Array<[string, string, unknown?]> = [
      ['POST', `/drafts/${draftId}/versions`, { name: 'Rev.9' }],
      ['POST', `/drafts/${draftId}/versions/${versionId}/restore`, {}],
      ['PUT', `/negotiations/${negotiationId}/members/${ids.brazil}`, { role: 'delegate', delegation: 'Brazil' }],
      ['DELETE', `/negotiations/${negotiationId}/members/${ids.chair}`],
      ['POST', `/negotiations/${negotiationId}/drafts`, { title: 'A draft' }],
      ['GET', `/negotiations/${negotiationId}/audit`],
    ];
    for (const route of refused) expect({ route: route.slice(0, 2), status: (await call(name, route)).status }).toEqual({ route: route.slice(0, 2), status: 403 });
    for (const route of [['GET', `/negotiations/${negotiationId}`], ['GET', `/drafts/${draftId}/comments`]] as Array<[string, string]>) {
      expect((await call(name, route)).status).toBe(200);
    }
    expect(await server.store.memberships.get(negotiationId, ids.brazil)).toBeNull();
  });

  it('refuses a comment from an observer over socket.io', async () => {
    const socket = await connectSocket(server.url, tokens.secretariat);
    try {
      expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true, access: { role: 'observer', delegation: 'Secretariat' } });
      const anchor = { start: { type: 1, tname: null, item: null, assoc: 0 }, end: { type: 1, tname: null, item: null, assoc: 0 }, quote: 'x' };
      expect(await emitAck(socket, 'comment:create', { draftId, anchor, text: 'An observer speaks' })).toMatchObject({ ok: false });
    } finally {
      socket.disconnect();
    }
  });

  it('lets the facilitator of this negotiation name a version, and not the facilitator of the other', async () => {
    expect((await call('chair2', ['POST', `/drafts/${draftId}/versions`, { name: 'Rev.1' }])).status).toBe(404);
    expect(await call('chair', ['POST', `/drafts/${draftId}/versions`, { name: 'Rev.1' }])).toMatchObject({ status: 201, body: { version: { name: 'Rev.1', createdByName: 'Facilitator' } } });
    const audit = await requestJson<{ entries: Array<{ action: string }> }>(api(`/negotiations/${negotiationId}/audit`), { token: tokens.chair });
    expect(audit.body.entries.map((e) => e.action)).toContain('version-named');
  });
});
