import type { ParagraphView } from '../../../shared/paragraphs';
import type { ProposalView } from '../../../shared/proposals';
import { TOO_MANY_REQUESTS } from '../../../server/realtime/rateLimitEvents';
import { requestJson } from '../../helpers/http';
import { proposalOk, rangeOn } from '../../helpers/proposals';
import { connectSocket, emitAck, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, type YjsClient } from '../../helpers/yjsClient';

/** A delegation flooding the room with proposals, or the server with proposal events, meets the limits. */
describe('attack: proposal floods', () => {
  let server: TestServer;
  let draftId: string;
  let yjs: YjsClient;
  let eu: ClientSocket;
  let op1: ParagraphView;

  beforeAll(async () => {
    server = await startTestServer({ pendingProposalsPerDelegation: 3, proposalsPerUserPerHour: 5 });
    draftId = await server.demoDraftId();
    const { token } = await server.login('eu');
    eu = await connectSocket(server.url, token);
    expect(await emitAck(eu, 'draft:join', { draftId })).toMatchObject({ ok: true });
    yjs = connectYjs(server.wsUrl, draftId, token);
    await yjs.synced;
    const { body } = await requestJson<{ paragraphs: ParagraphView[] }>(`${server.url}/api/drafts/${draftId}/paragraphs`, { token });
    op1 = body.paragraphs.find((view) => view.label === 'OP1')!;
  });
  afterAll(async () => {
    eu.disconnect();
    yjs.destroy();
    await server.stop();
  });

  const bracket = () => emitAck<{ proposal: ProposalView }>(eu, 'proposal:create', { draftId, kind: 'bracket', anchor: rangeOn(yjs.doc, op1.id, 'Member States') });

  it('caps pending proposals per delegation, then proposals per person per hour', async () => {
    const made = await Promise.all([bracket(), bracket(), bracket(), bracket()]);
    expect(made.filter((answer) => answer.ok)).toHaveLength(3);
    expect(made.find((answer) => !answer.ok)).toEqual({ ok: false, error: 'your delegation has 3 pending proposals on this draft, the most allowed; withdraw some first' });

    const [first, second] = made.filter((answer): answer is { ok: true; proposal: ProposalView } => answer.ok);
    await proposalOk(eu, 'proposal:withdraw', { proposalId: first.proposal.id });
    expect(await bracket()).toMatchObject({ ok: true });
    await proposalOk(eu, 'proposal:withdraw', { proposalId: second.proposal.id });
    expect(await bracket()).toMatchObject({ ok: true });
    // Five made this hour: withdrawing makes room among the pending, not in the hour.
    const [third] = (await requestJson<{ proposals: ProposalView[] }>(`${server.url}/api/drafts/${draftId}/proposals?status=pending`, { token: (await server.login('eu')).token })).body.proposals;
    await proposalOk(eu, 'proposal:withdraw', { proposalId: third.id });
    expect(await bracket()).toEqual({ ok: false, error: 'you have made 5 proposals on this draft in the last hour, the most allowed; try again later' });
  });

  it('counts proposal events against the per-user socket event budget', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => emitAck(eu, 'proposal:support', { proposalId: 'no-such-proposal' })));
    expect(answers.filter((answer) => !answer.ok && answer.error === TOO_MANY_REQUESTS).length).toBeGreaterThan(0);
  });
});
