import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import { blankResolution, outlineToDoc } from '../../shared/draftTemplate';
import type { DraftSummary } from '../../shared/drafts';
import type { NegotiationSummary } from '../../shared/negotiations';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../shared/schema';
import { hashPassword } from '../../server/auth/passwords';
import { testConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/startServer';
import { requestJson } from '../helpers/http';
import { sqliteStoreAt } from '../helpers/sqliteStoreAt';
import { connectYjs, paragraphTexts } from '../helpers/yjsClient';

/** The schema version of the code before negotiations (main at 8ba3639 and after issue 8). */
const BEFORE_NEGOTIATIONS = 3;

/**
 * Writes a store as the code before negotiations did: its three migrations, accounts with a
 * global role and delegation, and a draft with its text in the log and no negotiation.
 */
async function writeOldStore(dataDir: string): Promise<{ draftId: string }> {
  const db = sqliteStoreAt(dataDir, BEFORE_NEGOTIATIONS);
  const passwordHash = await hashPassword('negotiate');
  const insertUser = db.prepare(`INSERT INTO users (id, username, display_name, delegation, role, password_hash, created_at)
    VALUES (?, ?, ?, ?, ?, ?, '2026-05-01T09:00:00.000Z')`);
  insertUser.run('u-chair', 'chair', 'Facilitator', 'Facilitator', 'facilitator', passwordHash);
  insertUser.run('u-kz', 'kazakhstan', 'Delegate of Kazakhstan', 'Kazakhstan', 'delegate', passwordHash);
  insertUser.run('u-sec', 'secretariat', 'UNODC Secretariat', 'Secretariat', 'observer', passwordHash);
  const ydoc = prosemirrorJSONToYDoc(resolutionSchema, outlineToDoc(blankResolution('An old draft', 'E/CN.15/2025/L.1')), PROSEMIRROR_FRAGMENT);
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  db.prepare(`INSERT INTO updates (draft_id, data, author_id, at) VALUES ('d-old', ?, 'u-chair', '2026-05-01T09:00:00.000Z')`).run(state);
  db.prepare(`INSERT INTO drafts (id, title, symbol, created_by, created_at, updated_at)
    VALUES ('d-old', 'An old draft', 'E/CN.15/2025/L.1', 'u-chair', '2026-05-01T09:00:00.000Z', '2026-05-01T09:00:00.000Z')`).run();
  db.prepare(`INSERT INTO comments (id, draft_id, thread_id, author_id, author_name, delegation, text, anchor, created_at)
    VALUES ('c-old', 'd-old', 'c-old', 'u-kz', 'Delegate of Kazakhstan', 'Kazakhstan', 'An old comment', ?, '2026-05-01T09:01:00.000Z')`)
    .run(JSON.stringify({ paragraphId: 'p', start: 'AA==', end: 'AA==', quote: '' }));
  db.close();
  return { draftId: 'd-old' };
}

describe('migration: a store written before negotiations keeps working', () => {
  let dataDir: string;
  let server: RunningServer;
  let draftId: string;
  const api = (p: string) => `${server.url}/api${p}`;
  const login = async (username: string) =>
    (await requestJson<{ token: string; user: { id: string; admin: boolean } }>(api('/login'), { json: { username, password: 'negotiate' } })).body;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-migration-'));
    ({ draftId } = await writeOldStore(dataDir));
    server = await startServer(testConfig({ dataDir, seedDemo: true }));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('moves every draft into a default negotiation whose members are every account in its old role and delegation', async () => {
    expect(await server.store.drafts.get(draftId)).toMatchObject({ negotiationId: 'default', title: 'An old draft' });
    const members = await server.store.memberships.listByNegotiation('default');
    expect(members.map(({ userId, role, delegation }) => ({ userId, role, delegation }))).toEqual([
      { userId: 'u-chair', role: 'facilitator', delegation: 'Facilitator' },
      { userId: 'u-kz', role: 'delegate', delegation: 'Kazakhstan' },
      { userId: 'u-sec', role: 'observer', delegation: 'Secretariat' },
    ]);
    // Nothing was seeded on top: the store had users.
    expect(await server.store.users.count()).toBe(3);
  });

  it('lets the old accounts sign in and work as before: the delegate edits, the observer reads, the facilitator (now also admin) runs it', async () => {
    const kz = await login('kazakhstan');
    expect(kz.user.admin).toBe(false);
    const drafts = await requestJson<{ drafts: DraftSummary[] }>(api('/drafts'), { token: kz.token });
    expect(drafts.body.drafts.map((d) => d.id)).toEqual([draftId]);
    expect(await requestJson(api(`/drafts/${draftId}`), { token: kz.token })).toMatchObject({
      status: 200,
      body: { access: { negotiationId: 'default', role: 'delegate', delegation: 'Kazakhstan' } },
    });
    const secretariat = await login('secretariat');
    expect(await requestJson(api(`/drafts/${draftId}`), { token: secretariat.token })).toMatchObject({ body: { access: { role: 'observer' } } });
    // Comments from before visibility existed are seen by every member, as they were.
    expect(await requestJson(api(`/drafts/${draftId}/comments`), { token: secretariat.token })).toMatchObject({
      body: { threads: [{ id: 'c-old', visibility: 'all', root: { text: 'An old comment' } }] },
    });

    const chair = await login('chair');
    expect(chair.user.admin).toBe(true);
    const negotiations = await requestJson<{ negotiations: NegotiationSummary[] }>(api('/negotiations'), { token: chair.token });
    expect(negotiations.body.negotiations).toEqual([
      { id: 'default', name: 'Negotiation', body: '', startsOn: null, endsOn: null, me: { role: 'facilitator', delegation: 'Facilitator' } },
    ]);
    expect((await requestJson(api(`/drafts/${draftId}/versions`), { token: chair.token, json: { name: 'Rev.1' } })).status).toBe(201);

    const client = connectYjs(server.url.replace('http', 'ws'), draftId, kz.token);
    try {
      await client.synced;
      expect(paragraphTexts(client.doc)).toContain('An old draft');
    } finally {
      client.destroy();
    }
  });

  it('creates no default negotiation in an empty store', async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-migration-empty-'));
    try {
      sqliteStoreAt(emptyDir, BEFORE_NEGOTIATIONS).close();
      const fresh = await startServer(testConfig({ dataDir: emptyDir, seedDemo: false }));
      expect(await fresh.store.negotiations.list()).toEqual([]);
      await fresh.close();
    } finally {
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
