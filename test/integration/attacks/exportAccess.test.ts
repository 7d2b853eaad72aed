import { startTestServer, type TestServer } from '../../helpers/testServer';

/**
 * Exports read old text, so they are walked as an attacker would: a member of another negotiation
 * naming the CCPCJ draft's versions through a draft of their own, polluted queries, and a flood
 * of heavy exports from one account.
 */
describe('attack: exports reveal nothing outside the caller\'s drafts and cannot be flooded', () => {
  let server: TestServer;
  let ccpcjDraft: string;
  let ccpcjVersion: string;
  let cyberDraft: string;
  let cyberVersion: string;
  const tokens: Record<string, string> = {};

  const get = async (username: string, path: string) => {
    tokens[username] ??= (await server.login(username)).token;
    const response = await fetch(`${server.url}/api/drafts${path}`, { headers: { authorization: `Bearer ${tokens[username]}` } });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, error: response.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(body.toString()) as { error: string }).error : null };
  };

  beforeAll(async () => {
    server = await startTestServer({ historyReadsPerUser: 1 });
    ccpcjDraft = await server.demoDraftId();
    ccpcjVersion = (await server.store.versions.list(ccpcjDraft))[0].id;
    cyberDraft = (await server.store.drafts.list()).find((draft) => draft.symbol === 'A/AC.301/2026/L.2')!.id;
    cyberVersion = (await server.store.versions.list(cyberDraft))[0].id;
  });
  afterAll(() => server.stop());

  it('does not export another draft\'s version through a draft the caller may read', async () => {
    // brazil is in the cybercrime negotiation only.
    expect(await get('brazil', `/${cyberDraft}/export.docx?version=${ccpcjVersion}`)).toEqual({ status: 404, error: 'no such version' });
    expect(await get('brazil', `/${cyberDraft}/export.akn.xml?version=${ccpcjVersion}`)).toEqual({ status: 404, error: 'no such version' });
    expect(await get('brazil', `/${cyberDraft}/export.docx?view=tracked&base=${ccpcjVersion}`)).toEqual({ status: 404, error: 'no such version' });
    expect(await get('brazil', `/${ccpcjDraft}/export.docx?version=${cyberVersion}`)).toEqual({ status: 404, error: 'no such draft' });
    expect((await get('brazil', `/${cyberDraft}/export.docx?version=${cyberVersion}`)).status).toBe(200);
  });

  it('refuses polluted and oversized queries with 400', async () => {
    for (const query of ['view=tracked&view=clean', `version=${'x'.repeat(101)}`, 'version=', `view=tracked&base=${ccpcjVersion}&base=${ccpcjVersion}`]) {
      const answer = await get('eu', `/${ccpcjDraft}/export.docx?${query}`);
      expect([query, answer.status]).toEqual([query, 400]);
    }
  });

  it('caps the exports one account has running at once (429), others still served', async () => {
    const path = `/${ccpcjDraft}/export.docx?view=tracked&base=${ccpcjVersion}`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => get('eu', path)));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].error).toMatch(/too many/);
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    expect((await get('kazakhstan', `/${ccpcjDraft}/export.akn.xml`)).status).toBe(200);
  });
});
