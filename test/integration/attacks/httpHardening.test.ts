import fs from 'node:fs';
import path from 'node:path';
import { requestJson } from '../../helpers/http';
import { startTestServer, type TestServer } from '../../helpers/testServer';

const DRAFTS_PER_HOUR = 2;
const CLIENT_DIST = path.resolve(__dirname, '..', '..', '..', 'client', 'dist');

const jsonError = (status: number, error: string | RegExp) => ({
  status,
  contentType: expect.stringMatching(/^application\/json/),
  body: { error: typeof error === 'string' ? error : expect.stringMatching(error) },
});

describe('HTTP hardening: draft creation limit, control characters in names, security headers', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // The built client (npm test builds it first), to check the CSP against what it loads.
    server = await startTestServer({ draftsPerHour: DRAFTS_PER_HOUR, clientDir: CLIENT_DIST });
    for (const name of ['chair2', 'chair']) tokens[name] = (await server.login(name)).token;
  });
  afterAll(() => server.stop());

  const createDraft = (token: string, json: unknown) => requestJson(`${server.url}/api/drafts`, { token, json });

  it(`lets one account create ${DRAFTS_PER_HOUR} drafts an hour, then answers 429; refused requests do not count; others are not affected`, async () => {
    expect((await createDraft(tokens.chair2, { title: '' })).status).toBe(400);
    for (let i = 0; i < DRAFTS_PER_HOUR; i++) expect((await createDraft(tokens.chair2, { title: `Draft ${i}` })).status).toBe(201);
    const before = (await server.store.drafts.list()).length;
    expect(await createDraft(tokens.chair2, { title: 'One too many' })).toEqual(
      jsonError(429, `at most ${DRAFTS_PER_HOUR} new drafts per hour; try again later`),
    );
    expect(await server.store.drafts.list()).toHaveLength(before);
    expect((await createDraft(tokens.chair, { title: 'Another facilitator' })).status).toBe(201);
  });

  describe('refuses control characters in names with 400', () => {
    it.each([
      ['a NUL in a title', { title: 'Countering\u0000 trafficking' }, /^title: must not contain control characters$/],
      ['a newline inside a title', { title: 'Countering\ntrafficking' }, /^title: must not contain control characters$/],
      ['an escape sequence in a symbol', { title: 'Countering trafficking', symbol: 'E/CN.15/\u001b[2J' }, /^symbol: must not contain control characters$/],
      ['a right-to-left override in a title', { title: 'Draft \u202Efdp.exe' }, /^title: must not contain control characters$/],
      ['a C1 control in a title', { title: 'Draft\u0085' }, /^title: must not contain control characters$/],
    ])('%s', async (_name, json, error) => {
      expect(await createDraft(tokens.chair, json)).toEqual(jsonError(400, error));
    });

    it('in a version name', async () => {
      const draftId = await server.demoDraftId();
      expect(await requestJson(`${server.url}/api/drafts/${draftId}/versions`, { token: tokens.chair, json: { name: 'Rev.1\u202E' } })).toEqual(
        jsonError(400, /^name: must not contain control characters$/),
      );
    });

    it('in a username at sign-in', async () => {
      expect(await requestJson(`${server.url}/api/login`, { json: { username: 'eu\u0000', password: 'negotiate' } })).toEqual(
        jsonError(400, /^username: must not contain control characters$/),
      );
    });

    it('(control: surrounding whitespace is trimmed, and Arabic with a right-to-left mark is a fine title)', async () => {
      const { status, body } = await createDraft(tokens.chair, { title: ' \t\u0627\u0644\u0645\u0634\u0631\u0648\u0639\u200F\n', symbol: '' });
      expect(status).toBe(201);
      expect(body).toMatchObject({ draft: { title: '\u0627\u0644\u0645\u0634\u0631\u0648\u0639\u200F' } });
    });
  });

  describe('security headers', () => {
    const directives = (csp: string | null) => new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

    it.each(['/healthz', '/api/drafts', '/drafts/some-id'])('are on every answer (%s): CSP, no framing, nosniff', async (route) => {
      const response = await fetch(`${server.url}${route}`);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      await response.body?.cancel();
    });

    it('allow everything the built client loads: no inline script or style, only same-origin files', async () => {
      const response = await fetch(`${server.url}/drafts/some-id`);
      const html = await response.text();
      expect(html).toContain('<div id="app"');
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.has('upgrade-insecure-requests')).toBe(false); // the workspace is often served over plain HTTP on a venue network
      // Every script has a src (inline scripts would be blocked) and every file is on this origin.
      expect(html.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc="\/[^/]/.test(tag))).toBe(true);
      expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
      const files = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(files.length).toBeGreaterThanOrEqual(3);
      for (const file of files) {
        expect(file).toMatch(/^\/[^/]/);
        expect((await fetch(`${server.url}${file}`)).status).toBe(200);
      }
      // The bundle never writes a style attribute (blocked by style-src 'self'); styles go through the CSSOM.
      const scripts = files.filter((file) => file.endsWith('.js'));
      for (const script of scripts) expect(fs.readFileSync(path.join(CLIENT_DIST, script)).toString()).not.toMatch(/setAttribute\(\s*["']style["']/);
    });
  });
});
