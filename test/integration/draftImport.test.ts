import type { ImportCreated, ImportPreview } from '../../shared/draftImport';
import type { VersionDetail, VersionSummary } from '../../shared/versions';
import { requestJson } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { uploadFile } from '../helpers/upload';
import { typedNumbersDraft, wordNumberedDraft } from '../unit/documents/draftFixtures';

describe('importing a draft from Word: POST /api/negotiations/:id/drafts/import', () => {
  let server: TestServer;
  let negotiationId: string;
  const tokens: Record<string, string> = {};
  const importUrl = (query = '') => `${server.url}/api/negotiations/${negotiationId}/drafts/import${query}`;

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['chair', 'kazakhstan', 'brazil']) tokens[name] = (await server.login(name)).token;
    negotiationId = (await server.store.drafts.get(await server.demoDraftId()))!.negotiationId;
  });
  afterAll(() => server.stop());

  it('previews a Word draft without creating anything', async () => {
    const before = (await server.store.drafts.list()).length;
    const answer = await uploadFile<ImportPreview>(importUrl('?preview=1'), tokens.chair, { bytes: await wordNumberedDraft(), name: 'L.12.docx' });
    expect(answer.status).toBe(200);
    expect(answer.body.symbol).toBe('A/C.3/79/L.12');
    expect(answer.body.paragraphs.filter((p) => p.kind === 'op').map((p) => p.label)).toEqual(['OP1', 'OP1(a)', 'OP1(b)', 'OP1(b)(i)', 'OP1(b)(ii)', 'OP2']);
    expect(answer.body.problems).toEqual([]);
    expect((await server.store.drafts.list()).length).toBe(before);
  });

  it('creates the draft with its text as the named version "Zero draft (imported)", italics kept', async () => {
    const answer = await uploadFile<ImportCreated>(importUrl(), tokens.chair, { bytes: await typedNumbersDraft(), name: 'L.4.docx' });
    expect(answer.status).toBe(201);
    const { draft, problems } = answer.body;
    expect(draft).toMatchObject({ negotiationId, symbol: 'E/CN.15/2026/L.4', title: 'Countering trafficking in persons facilitated by information and communication technologies' });
    expect(problems).toEqual([]);

    const listed = await requestJson<{ drafts: Array<{ id: string }> }>(`${server.url}/api/drafts`, { token: tokens.kazakhstan });
    expect(listed.body.drafts.map((d) => d.id)).toContain(draft.id);

    const versions = await requestJson<{ versions: VersionSummary[] }>(`${server.url}/api/drafts/${draft.id}/versions`, { token: tokens.chair });
    expect(versions.body.versions).toEqual([expect.objectContaining({ kind: 'named', name: 'Zero draft (imported)' })]);
    const version = await requestJson<VersionDetail>(`${server.url}/api/drafts/${draft.id}/versions/${versions.body.versions[0].id}`, { token: tokens.chair });
    const [heading, sponsors, title, preamble, operative] = (version.body.doc as { content: unknown }).content as Array<{ type: string; content: Array<Record<string, unknown>> }>;
    expect(heading.type).toBe('heading');
    expect(sponsors.content).toEqual([{ type: 'text', text: 'Belarus, Kazakhstan and Philippines: draft resolution' }]);
    expect(title.type).toBe('title');
    expect(preamble.content[1]).toMatchObject({
      type: 'preambular_paragraph',
      content: [{ type: 'text', text: 'Recalling', marks: [{ type: 'em' }] }, { type: 'text', text: ' General Assembly resolution 55/25 of 15 November 2000,' }],
    });
    expect(operative.content.map((op) => (op.attrs as { level: number }).level)).toEqual([0, 0, 1, 1, 2, 2, 1, 0]);

    // The draft opens like any other: its paragraphs carry the labels delegates use.
    const paragraphs = await requestJson<{ paragraphs: Array<{ label: string; text: string }> }>(`${server.url}/api/drafts/${draft.id}/paragraphs`, { token: tokens.kazakhstan });
    expect(paragraphs.body.paragraphs.map((p) => p.label)).toEqual(['PP1', 'PP2', 'OP1', 'OP2', 'OP2(a)', 'OP2(b)', 'OP2(b)(i)', 'OP2(b)(ii)', 'OP2(c)', 'OP3']);
    expect(paragraphs.body.paragraphs[4].text).toBe('to share information on emerging trends;');
  });

  it('answers a delegate 403 and a non-member 404, before reading the file, and creates nothing', async () => {
    const before = (await server.store.drafts.list()).length;
    const file = { bytes: await wordNumberedDraft(), name: 'L.12.docx' };
    expect(await uploadFile(importUrl(), tokens.kazakhstan, file)).toMatchObject({ status: 403, body: { error: 'only a facilitator of this negotiation creates drafts' } });
    expect(await uploadFile(importUrl('?preview=1'), tokens.kazakhstan, file)).toMatchObject({ status: 403 });
    expect(await uploadFile(importUrl(), tokens.brazil, file)).toMatchObject({ status: 404, body: { error: 'no such negotiation' } });
    expect((await requestJson(importUrl(), { method: 'POST' })).status).toBe(401);
    expect((await server.store.drafts.list()).length).toBe(before);
  });
});
