import * as Y from 'yjs';
import type { VersionComparison, VersionDetail, VersionSummary } from '../../shared/versions';
import { findParagraph } from '../helpers/anchors';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectSocket, emitAck, nextEvent } from '../helpers/socketClient';
import { connectYjs, waitForDoc, type YjsClient } from '../helpers/yjsClient';

describe('version history: name, compare with attribution, restore', () => {
  let server: TestServer;
  let draftId: string;
  const clients: YjsClient[] = [];
  const tokens: Record<string, string> = {};

  const api = async <T>(username: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    tokens[username] ??= (await server.login(username)).token;
    const response = await fetch(`${server.url}/api/drafts/${draftId}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[username]}` },
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const connect = async (username: string) => {
    tokens[username] ??= (await server.login(username)).token;
    const client = connectYjs(server.wsUrl, draftId, tokens[username]);
    clients.push(client);
    await client.synced;
    return client;
  };
  const textOf = (doc: Y.Doc, prefix: string) => (findParagraph(doc, prefix).get(0) as Y.XmlText).toString();
  /** A waitForDoc predicate: some paragraph starts with `prefix` and contains `part`. */
  const hasParagraph = (prefix: string, part = '') => (doc: Y.Doc) => {
    try {
      return textOf(doc, prefix).includes(part);
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    // A short quiet period so an automatic checkpoint can be observed.
    server = await startTestServer({ checkpointQuietMs: 300 });
    draftId = await server.demoDraftId();
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.stop();
  });

  it('starts with the zero draft and lets only the facilitator name versions', async () => {
    const { body } = await api<{ versions: VersionSummary[] }>('eu', '/versions');
    expect(body.versions.map((v) => v.name)).toEqual(['Zero draft']);
    const refused = await api<{ error: string }>('eu', '/versions', { method: 'POST', body: JSON.stringify({ name: 'Rev.1' }) });
    expect(refused).toEqual({ status: 403, body: { error: 'only the facilitator names versions' } });
    expect((await api('chair', '/versions', { method: 'POST', body: JSON.stringify({ name: '' }) })).status).toBe(400);
  });

  it('compares Rev.1 with the current text: exactly the later changes, attributed to who made them', async () => {
    const kz = await connect('kazakhstan');
    const eu = await connect('eu');
    const urges = findParagraph(kz.doc, 'Urges Member States');
    (urges.get(0) as Y.XmlText).insert(0, 'Strongly ');
    await waitForDoc(eu.doc, hasParagraph('Strongly Urges'));

    const named = await api<{ version: VersionSummary }>('chair', '/versions', { method: 'POST', body: JSON.stringify({ name: 'Rev.1' }) });
    expect(named.status).toBe(201);

    // After Rev.1: the EU rewrites the lead verb of another paragraph; Kazakhstan edits a third.
    const invites = findParagraph(eu.doc, 'Invites Member States').get(0) as Y.XmlText;
    invites.delete(0, 'Invites'.length);
    invites.insert(0, 'Encourages');
    const requests = findParagraph(kz.doc, 'Requests the United Nations').get(0) as Y.XmlText;
    requests.insert(requests.length - 1, ', within existing resources');
    await waitForDoc(kz.doc, hasParagraph('Encourages Member States to raise'));
    await waitForDoc(eu.doc, hasParagraph('Requests the United', 'within existing resources'));

    const { body: comparison } = await api<VersionComparison>('usa', `/compare?from=${named.body.version.id}&to=current`);
    expect(comparison.summary).toMatchObject({ changed: 2, added: 0, deleted: 0 });
    const changed = comparison.paragraphs.filter((p) => p.kind === 'changed');
    expect(changed.map((p) => p.reference)).toEqual(['OP6', 'OP7']);
    expect(changed[0].segments).toEqual(
      expect.arrayContaining([
        { op: 'delete', text: 'Invites' },
        { op: 'insert', text: 'Encourages' },
      ]),
    );
    const byParagraph = new Map(comparison.attribution.map((a) => [a.paragraphId, a.delegations.map((d) => d.delegation)]));
    expect(byParagraph.get(changed[0].id!)).toEqual(['European Union']);
    expect(byParagraph.get(changed[1].id!)).toEqual(['Kazakhstan']);
    expect(byParagraph.size).toBe(2);
  });

  it('restores Rev.1 for everyone connected and keeps both versions in the history', async () => {
    const watcher = await connect('nigeria');
    const { body } = await api<{ versions: VersionSummary[] }>('usa', '/versions');
    const rev1 = body.versions.find((v) => v.name === 'Rev.1')!;
    expect((await api('eu', `/versions/${rev1.id}/restore`, { method: 'POST' })).status).toBe(403);

    const restored = await api<{ version: VersionSummary }>('chair', `/versions/${rev1.id}/restore`, { method: 'POST' });
    expect(restored.status).toBe(201);
    expect(restored.body.version).toMatchObject({ kind: 'restore', name: 'Restored Rev.1', createdByName: 'Facilitator' });
    await waitForDoc(watcher.doc, hasParagraph('Invites Member States'));
    expect(textOf(watcher.doc, 'Requests the United')).not.toContain('within existing resources');

    const history = (await api<{ versions: VersionSummary[] }>('usa', '/versions')).body.versions.map((v) => v.name);
    expect(history).toEqual(expect.arrayContaining(['Restored Rev.1', 'Rev.1', 'Zero draft']));
    const detail = await api<VersionDetail>('usa', `/versions/${rev1.id}`);
    expect(detail.body.text).toContain('Strongly Urges Member States');
    expect(detail.body.text).toContain('Invites Member States');
    const sinceRestore = await api<VersionComparison>('usa', `/compare?from=${rev1.id}&to=${restored.body.version.id}`);
    expect(sinceRestore.body.summaryText).toBe('No changes');
  });

  it('names a restore of a restore after the original once, and tells every browser in the draft', async () => {
    tokens.kazakhstan ??= (await server.login('kazakhstan')).token;
    const browser = await connectSocket(server.url, tokens.kazakhstan);
    try {
      expect(await emitAck(browser, 'draft:join', { draftId })).toMatchObject({ ok: true });
      const { body } = await api<{ versions: VersionSummary[] }>('usa', '/versions');
      const restore = body.versions.find((v) => v.name === 'Restored Rev.1')!;
      const heard = nextEvent<VersionSummary>(browser, 'version:created');
      const again = await api<{ version: VersionSummary }>('chair', `/versions/${restore.id}/restore`, { method: 'POST' });
      expect(again.body.version).toMatchObject({ kind: 'restore', name: 'Restored Rev.1' });
      expect(await heard).toEqual(again.body.version);

      const named = nextEvent<VersionSummary>(browser, 'version:created');
      await api('chair', '/versions', { method: 'POST', body: JSON.stringify({ name: 'Rev.1a' }) });
      expect(await named).toMatchObject({ kind: 'named', name: 'Rev.1a' });
    } finally {
      browser.disconnect();
    }
  });

  it('refuses a second version with a name already used, whatever its case', async () => {
    const taken = await api<{ error: string }>('chair', '/versions', { method: 'POST', body: JSON.stringify({ name: 'rev.1' }) });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatch(/named "rev.1" exists already/);
    const names = (await api<{ versions: VersionSummary[] }>('usa', '/versions')).body.versions.map((v) => v.name);
    expect(names.filter((n) => n?.toLowerCase() === 'rev.1')).toEqual(['Rev.1']);
  });

  it('records an automatic checkpoint after a pause in editing', async () => {
    const autosNow = async () =>
      (await api<{ versions: VersionSummary[] }>('usa', '/versions')).body.versions.filter((v) => v.kind === 'auto');
    // Earlier tests' edits may be checkpointed at any moment (their quiet timer may fire just
    // before this edit lands): only a checkpoint that holds this edit counts.
    const before = new Set((await autosNow()).map((v) => v.id));
    const kz = await connect('kazakhstan');
    (findParagraph(kz.doc, 'Calls upon').get(0) as Y.XmlText).insert(0, 'Also ');
    const deadline = Date.now() + 10_000;
    let found: VersionDetail | null = null;
    while (!found && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const auto of (await autosNow()).filter((v) => !before.has(v.id))) {
        before.add(auto.id);
        const detail = (await api<VersionDetail>('usa', `/versions/${auto.id}`)).body;
        if (detail.text.includes('Also Calls upon')) found = detail;
      }
    }
    expect(found?.version).toMatchObject({ kind: 'auto', name: null, createdByName: null });
  });

  it('answers 404 for unknown versions and 400 for a compare without a base', async () => {
    expect((await api('usa', '/versions/nope')).status).toBe(404);
    expect((await api('usa', '/compare')).status).toBe(400);
    const activity = await api<{ activity: Array<{ delegation: string }> }>('usa', '/activity');
    expect(activity.body.activity.map((a) => a.delegation)).toEqual(expect.arrayContaining(['Kazakhstan', 'European Union', 'Facilitator']));
  });
});
