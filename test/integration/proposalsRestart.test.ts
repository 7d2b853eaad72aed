import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParagraphView } from '../../shared/paragraphs';
import type { ProducedRange, ProposalListResponse } from '../../shared/proposals';
import { requestJson } from '../helpers/http';
import { proposalOk, rangeOn, textIn } from '../helpers/proposals';
import { connectSocket, emitAck, type ClientSocket } from '../helpers/socketClient';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs } from '../helpers/yjsClient';

/** Proposals are records in the store: a restart on the same data keeps every one, its support and its fate. */
describe('proposals across a restart', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'proposals-restart-'));
  let server: TestServer;
  afterAll(() => server.stop());

  const joined = async (username: string, draftId: string): Promise<ClientSocket> => {
    const socket = await connectSocket(server.url, (await server.login(username)).token);
    expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true });
    return socket;
  };

  it('lists the same proposals, and traces the accepted text, after the server restarts', async () => {
    server = await startTestServer({ dataDir });
    const draftId = await server.demoDraftId();
    const token = (await server.login('eu')).token;
    const { body } = await requestJson<{ paragraphs: ParagraphView[] }>(`${server.url}/api/drafts/${draftId}/paragraphs`, { token });
    const op6 = body.paragraphs.find((view) => view.label === 'OP6')!;
    const yjs = connectYjs(server.wsUrl, draftId, token);
    await yjs.synced;
    const sockets = await Promise.all(['eu', 'nigeria', 'chair'].map((name) => joined(name, draftId)));
    const [eu, nigeria, chair] = sockets;
    const accepted = await proposalOk(eu, 'proposal:create', { draftId, kind: 'replace', anchor: rangeOn(yjs.doc, op6.id, 'Invites'), text: 'Calls upon' });
    const pending = await proposalOk(eu, 'proposal:create', { draftId, kind: 'delete', anchor: rangeOn(yjs.doc, op6.id, ', academia') });
    await proposalOk(nigeria, 'proposal:support', { proposalId: pending.id });
    await proposalOk(chair, 'proposal:accept', { proposalId: accepted.id });
    const list = async () => (await requestJson<ProposalListResponse>(`${server.url}/api/drafts/${draftId}/proposals`, { token: (await server.login('eu')).token })).body.proposals;
    const before = await list();
    sockets.forEach((socket) => socket.disconnect());
    yjs.destroy();
    await server.close();

    server = await startTestServer({ dataDir });
    expect(await list()).toEqual(before);
    expect(before.map((p) => [p.status, p.supporters])).toEqual([['accepted', []], ['pending', ['Nigeria']]]);
    const eu2 = (await server.login('eu')).token;
    const produced = await requestJson<{ ranges: ProducedRange[] }>(`${server.url}/api/drafts/${draftId}/proposals/produced?paragraphId=${op6.id}`, { token: eu2 });
    expect(produced.body.ranges).toEqual([{ proposalId: accepted.id, paragraphId: op6.id, start: 0, end: 'Calls upon'.length, text: 'Calls upon' }]);
    const fresh = connectYjs(server.wsUrl, draftId, eu2);
    await fresh.synced;
    expect(textIn(fresh.doc, op6.id)).toBe(op6.text.replace('Invites', 'Calls upon'));
    fresh.destroy();
  });
});
