import * as Y from 'yjs';
import type { ParagraphView } from '../../shared/paragraphs';
import type { ComparisonWithStatuses, DraftActivityResponse, VersionSummary } from '../../shared/versions';
import { requestJson } from '../helpers/http';
import { connectSocket, emitAck, type ClientSocket } from '../helpers/socketClient';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, type YjsClient } from '../helpers/yjsClient';

describe('status changes in the history: activity and compare', () => {
  let server: TestServer;
  let draftId: string;
  let chair: ClientSocket;
  let reader: YjsClient;
  let token: string;

  const api = <T>(path: string, json?: object) => requestJson<T>(`${server.url}/api/drafts/${draftId}${path}`, { token, json });
  const opId = (n: number) => (((reader.doc.getXmlFragment('prosemirror').get(4) as Y.XmlElement).get(n) as Y.XmlElement).getAttribute('id'))!;
  const setStatus = (paragraphId: string, status: string) =>
    emitAck<{ paragraph: ParagraphView }>(chair, 'paragraph:status', { draftId, paragraphId, status });

  beforeAll(async () => {
    server = await startTestServer();
    draftId = await server.demoDraftId();
    token = (await server.login('chair')).token;
    chair = await connectSocket(server.url, token);
    expect(await emitAck(chair, 'draft:join', { draftId })).toMatchObject({ ok: true });
    reader = connectYjs(server.wsUrl, draftId, (await server.login('usa')).token);
    await reader.synced;
  });
  afterAll(async () => {
    chair.disconnect();
    reader.destroy();
    await server.stop();
  });

  it('lists each change with the paragraph label, who made it and when, in the activity and in compare', async () => {
    expect(await setStatus(opId(0), 'informals')).toMatchObject({ ok: true });
    const named = await api<{ version: VersionSummary }>('/versions', { name: 'Before the reading' });
    expect(named.status).toBe(201);
    expect(await setStatus(opId(1), 'agreed_ad_ref')).toMatchObject({ ok: true });

    const { body: activity } = await api<DraftActivityResponse>('/activity');
    expect(activity.statusChanges.map(({ label, from, to, byName }) => ({ label, from, to, byName }))).toEqual([
      { label: 'OP2', from: 'open', to: 'agreed_ad_ref', byName: 'Facilitator' },
      { label: 'OP1', from: 'open', to: 'informals', byName: 'Facilitator' },
    ]);
    expect(Array.isArray(activity.activity)).toBe(true);

    const { body: comparison } = await api<ComparisonWithStatuses>(`/compare?from=${named.body.version.id}&to=current`);
    expect(comparison.statusChanges.map(({ label, to }) => [label, to])).toEqual([['OP2', 'agreed_ad_ref']]);
    expect(comparison.statusChanges[0].at >= named.body.version.createdAt).toBe(true);
  });
});
