import * as Y from 'yjs';
import { blankResolution } from '../../shared/draftTemplate';
import type { DraftSummary } from '../../shared/drafts';
import type { PublicUser } from '../../shared/user';
import { requestJson } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, paragraphTexts } from '../helpers/yjsClient';

/** Every refusal of the API: a status and a JSON body with a readable `error`. */
const jsonError = (error: string | RegExp) => ({
  contentType: expect.stringMatching(/^application\/json/),
  body: { error: typeof error === 'string' ? error : expect.stringMatching(error) },
});

describe('REST API: sign-in, drafts and errors', () => {
  let server: TestServer;
  let delegate: { token: string; user: PublicUser };
  let observerToken: string;
  const api = (path: string) => `${server.url}/api${path}`;

  beforeAll(async () => {
    server = await startTestServer();
    delegate = await server.login('kazakhstan');
    observerToken = (await server.login('secretariat')).token;
  });
  afterAll(() => server.stop());

  describe('POST /api/login', () => {
    it('signs in a demo account: a token that works and the public user, never the password hash', async () => {
      const { status, body } = await requestJson<{ token: string; user: Record<string, unknown> }>(api('/login'), {
        json: { username: 'eu', password: 'negotiate' },
      });
      expect(status).toBe(200);
      expect(body.user).toEqual({
        id: expect.any(String),
        username: 'eu',
        displayName: 'Delegate of the European Union',
        admin: false,
      });
      const me = await requestJson<{ user: PublicUser }>(api('/me'), { token: body.token });
      expect(me).toMatchObject({ status: 200, body: { user: body.user } });
    });

    it('ignores case and surrounding spaces in the username', async () => {
      const { status, body } = await requestJson<{ user: PublicUser }>(api('/login'), {
        json: { username: '  Kazakhstan ', password: 'negotiate' },
      });
      expect(status).toBe(200);
      expect(body.user.id).toBe(delegate.user.id);
    });

    it.each([
      ['a wrong password', { username: 'eu', password: 'negotiat' }],
      ['an unknown user', { username: 'atlantis', password: 'negotiate' }],
    ])('refuses %s with 401 and the same message', async (_name, json) => {
      expect(await requestJson(api('/login'), { json })).toEqual({ status: 401, ...jsonError('wrong username or password') });
    });

    it.each([
      ['no fields', {}, /^username: .*; password: /],
      ['no password', { username: 'eu' }, /^password: /],
      ['empty fields', { username: ' ', password: '' }, 'username: username is required; password: password is required'],
      ['a body that is not an object', ['eu', 'negotiate'], /expected object/],
    ])('refuses %s with 400 naming what is wrong', async (_name, json, error) => {
      expect(await requestJson(api('/login'), { json })).toEqual({ status: 400, ...jsonError(error) });
    });

    it('refuses a body that is not JSON with 400', async () => {
      expect(await requestJson(api('/login'), { raw: '{"username": "eu",' })).toEqual({
        status: 400,
        ...jsonError('request body is not valid JSON'),
      });
    });
  });

  describe('GET /api/drafts', () => {
    it('needs a token', async () => {
      expect(await requestJson(api('/drafts'))).toEqual({ status: 401, ...jsonError('sign-in required') });
    });

    it('refuses a bad token', async () => {
      expect(await requestJson(api('/drafts'), { token: `${delegate.token}x` })).toEqual({
        status: 401,
        ...jsonError('invalid or expired token'),
      });
    });

    it('lists the drafts for a signed-in user', async () => {
      const { status, body } = await requestJson<{ drafts: DraftSummary[] }>(api('/drafts'), { token: delegate.token });
      expect(status).toBe(200);
      expect(body.drafts).toContainEqual(expect.objectContaining({ id: await server.demoDraftId(), symbol: 'E/CN.15/2026/L.4' }));
    });
  });

  describe('POST /api/drafts', () => {
    it.each([
      ['an empty title', { title: '' }],
      ['a title of spaces', { title: '   ', symbol: 'A/1' }],
      ['no title', { symbol: 'A/1' }],
      ['a title over 300 characters', { title: 'x'.repeat(301) }],
    ])('refuses %s with 400', async (_name, json) => {
      expect(await requestJson(api('/drafts'), { token: delegate.token, json })).toEqual({ status: 400, ...jsonError(/^title: /) });
    });

    it('asks anyone but the facilitator of exactly one negotiation which negotiation, with 400', async () => {
      for (const token of [observerToken, delegate.token]) {
        expect(await requestJson(api('/drafts'), { token, json: { title: 'Which negotiation?' } })).toEqual({
          status: 400,
          ...jsonError('say which negotiation: POST /api/negotiations/:id/drafts'),
        });
      }
    });

    it('creates a draft from the template (for the facilitator of one negotiation) that its members can list, fetch and open over the Yjs channel', async () => {
      const chair = await server.login('chair');
      const title = '  Strengthening cooperation on cybercrime  ';
      const symbol = 'E/CN.15/2026/L.9';
      const created = await requestJson<{ draft: DraftSummary }>(api('/drafts'), { token: chair.token, json: { title, symbol } });
      expect(created.status).toBe(201);
      const { draft } = created.body;
      expect(draft).toMatchObject({ title: title.trim(), symbol, createdBy: chair.user.id });

      expect(await requestJson(api(`/drafts/${draft.id}`), { token: delegate.token })).toMatchObject({ status: 200, body: { draft } });
      const listed = await requestJson<{ drafts: DraftSummary[] }>(api('/drafts'), { token: delegate.token });
      expect(listed.body.drafts.map((d) => d.id)).toContain(draft.id);

      const outline = blankResolution(title.trim(), symbol);
      const client = connectYjs(server.wsUrl, draft.id, delegate.token);
      try {
        await client.synced;
        expect(paragraphTexts(client.doc)).toEqual([
          outline.symbol,
          outline.organ,
          outline.session,
          outline.agendaItem,
          outline.sponsors,
          outline.title,
          outline.formula,
          ...outline.preambular,
          ...outline.operative.map((p) => p.text),
        ]);
      } finally {
        client.destroy();
      }
    });
  });

  it('answers 404 for a draft that does not exist', async () => {
    expect(await requestJson(api('/drafts/no-such-draft'), { token: delegate.token })).toEqual({
      status: 404,
      ...jsonError('no such draft'),
    });
  });

  it('answers 400, not a crash, for a draft id that is not valid percent-encoding', async () => {
    expect(await requestJson(api('/drafts/%E0%A4%A'), { token: delegate.token })).toEqual({ status: 400, ...jsonError(/decode/) });
  });

  it('answers an unknown API route with 404 JSON once signed in (401 before)', async () => {
    expect(await requestJson(api('/no/such/route'), { token: delegate.token })).toEqual({
      status: 404,
      ...jsonError('no such API route'),
    });
    expect(await requestJson(api('/no/such/route'))).toEqual({ status: 401, ...jsonError('sign-in required') });
  });

  it('reports health on /healthz', async () => {
    expect(await requestJson(`${server.url}/healthz`)).toEqual({
      status: 200,
      contentType: expect.stringMatching(/^application\/json/),
      body: {
        status: 'ok',
        checks: { store: { ok: true }, writes: expect.objectContaining({ ok: true }), integrity: { ok: true, status: 'ok', corrupt: [], notListed: 0 } },
      },
    });
  });
});

describe('sign-in rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('answers 429 after ten failed attempts for one account from one address, while a right password still counts as nothing', async () => {
    const attempt = (password: string) =>
      fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'kazakhstan', password }),
      });
    expect((await attempt('negotiate')).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
    const refused = await attempt('guess-10');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: 'too many failed sign-ins for this account; try again in a minute' });
  });
});

describe('the drafts list follows the heading in the text', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('shows the title and symbol the facilitator edited in the draft', async () => {
    const draftId = await server.demoDraftId();
    const { token } = await server.login('chair');
    const client = connectYjs(server.wsUrl, draftId, token);
    await client.synced;
    const heading = client.doc.getXmlFragment('prosemirror').get(0) as Y.XmlElement;
    const symbol = (heading.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    symbol.insert(symbol.length, '/Rev.1');
    const title = (client.doc.getXmlFragment('prosemirror').get(2) as Y.XmlElement).get(0) as Y.XmlText;
    title.insert(0, 'Strengthening the fight against: ');
    const listed = async () =>
      (await requestJson<{ drafts: DraftSummary[] }>(`${server.url}/api/drafts`, { token })).body.drafts.find((d) => d.id === draftId)!;
    const deadline = Date.now() + 10_000;
    while ((await listed()).symbol !== 'E/CN.15/2026/L.4/Rev.1' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await listed()).toMatchObject({
      symbol: 'E/CN.15/2026/L.4/Rev.1',
      title: 'Strengthening the fight against: Countering trafficking in persons facilitated by the use of information and communications technologies',
    });
    client.destroy();
  });
});
