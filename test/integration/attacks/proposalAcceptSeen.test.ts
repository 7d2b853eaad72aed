import type { ParagraphView } from '../../../shared/paragraphs';
import { proposalRevision, type ProposalListResponse } from '../../../shared/proposals';
import { LogCapture } from '../../helpers/captureLogs';
import { demoDraftSuite } from '../../helpers/demoDraftSuite';
import { pointAfter, proposalOk, textIn } from '../../helpers/proposals';
import { emitAck } from '../../helpers/socketClient';

/**
 * A facilitator's client names the revision of the proposal its screen showed (`seen`): the server
 * checks its shape and refuses a proposal edited after it, leaving the text as it is.
 */
describe('attack: accepting a proposal with a seen revision', () => {
  const logs = new LogCapture('warn');
  const suite = demoDraftSuite({ socketEventBurst: 1000, socketEventsPerSecond: 1000 }, logs.logger);
  const paragraph = async (label: string) => {
    const { body } = await suite.api<{ paragraphs: ParagraphView[] }>('chair', 'GET', '/paragraphs');
    return body.paragraphs.find((view) => view.label === label)!;
  };
  const stored = async (id: string) => (await suite.api<ProposalListResponse>('chair', 'GET', '/proposals')).body.proposals.find((p) => p.id === id)!;

  async function insertProposal() {
    const op3 = await paragraph('OP3');
    const { doc } = await suite.yjs('eu');
    const [eu, chair] = await Promise.all(['eu', 'chair'].map((name) => suite.joinedSocket(name)));
    const proposal = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'insert', anchor: pointAfter(doc, op3.id, 'to enhance'), text: ' further' });
    return { op3, eu, chair, proposal };
  }

  it('refuses seen revisions of the wrong shape, logging each, and leaves the proposal pending', async () => {
    const { chair, proposal } = await insertProposal();
    const mark = logs.mark();
    for (const seen of [-1, 1.5, '1', null, [1], { n: 1 }]) {
      expect(await emitAck(chair, 'proposal:accept', { proposalId: proposal.id, seen })).toEqual({ ok: false, error: expect.stringContaining('seen') });
    }
    expect(logs.since(mark).filter((line) => line.msg === 'invalid event payload' && line.event === 'proposal:accept')).toHaveLength(6);
    expect(await stored(proposal.id)).toMatchObject({ status: 'pending' });
  });

  it('refuses a proposal edited after the revision seen, text untouched; accepts it once the new wording was seen', async () => {
    const { op3, eu, chair, proposal } = await insertProposal();
    const edited = await proposalOk(eu, 'proposal:edit', { proposalId: proposal.id, text: ' much further' });

    const stale = await emitAck(chair, 'proposal:accept', { proposalId: proposal.id, seen: proposalRevision(proposal) });

    expect(stale).toEqual({ ok: false, error: 'the proposal was edited after you saw it; review it again' });
    expect(textIn((await suite.yjs('kazakhstan')).doc, op3.id)).toBe(op3.text);
    expect(await stored(proposal.id)).toMatchObject({ status: 'pending', text: ' much further' });
    await proposalOk(chair, 'proposal:accept', { proposalId: proposal.id, seen: proposalRevision(edited) });
    expect(textIn((await suite.yjs('usa')).doc, op3.id)).toBe(op3.text.replace('to enhance', 'to enhance much further'));
  });
});
