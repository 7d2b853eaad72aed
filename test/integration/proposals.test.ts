import type { ParagraphView } from '../../shared/paragraphs';
import type { ProducedRange, ProposalListResponse, ProposalView } from '../../shared/proposals';
import type { ComparisonWithStatuses, DraftActivityResponse, VersionSummary } from '../../shared/versions';
import { demoDraftSuite } from '../helpers/demoDraftSuite';
import { requestJson } from '../helpers/http';
import { pointAfter, proposalOk, rangeOn, textIn } from '../helpers/proposals';
import { emitAck, nextEvent } from '../helpers/socketClient';

describe('proposals: propose, support, object, accept, reject', () => {
  // Many events from few people in a short time: the event budget has its own test (proposalFlood).
  const suite = demoDraftSuite({ socketEventBurst: 1000, socketEventsPerSecond: 1000 });
  const paragraph = async (label: string) => {
    const { body } = await suite.api<{ paragraphs: ParagraphView[] }>('chair', 'GET', '/paragraphs');
    return body.paragraphs.find((view) => view.label === label)!;
  };
  const list = async (query = '') => (await suite.api<ProposalListResponse>('secretariat', 'GET', `/proposals${query}`)).body.proposals;
  /** A client that connects after the change: what it reads is what the server stored. */
  const freshText = async (paragraphId: string) => textIn((await suite.yjs('philippines')).doc, paragraphId);

  it('runs a reading: two delegations propose, others support and object, the facilitator accepts one and rejects the other', async () => {
    const op1 = await paragraph('OP1');
    const { body: before } = await suite.api<{ version: VersionSummary }>('chair', 'POST', '/versions', { name: 'Before the reading' });
    const { doc } = await suite.yjs('eu');
    const [eu, usa, nigeria, chair, observer] = await Promise.all(['eu', 'usa', 'nigeria', 'chair', 'secretariat'].map((name) => suite.joinedSocket(name)));

    const heard = nextEvent<ProposalView>(observer, 'proposal:created');
    const replace = await proposalOk(eu, 'proposal:create', {
      draftId: suite.draftId,
      kind: 'replace',
      anchor: rangeOn(doc, op1.id, 'Urges'),
      text: 'Encourages',
      justification: 'softer language',
    });
    expect(replace).toMatchObject({ kind: 'replace', status: 'pending', delegation: 'European Union', authorName: 'Delegate of the European Union', paragraphId: op1.id, round: null });
    expect(await heard).toEqual(replace);
    const insert = await proposalOk(usa, 'proposal:create', { draftId: suite.draftId, kind: 'insert', anchor: pointAfter(doc, op1.id, 'consider'), text: ' promptly' });

    await proposalOk(nigeria, 'proposal:support', { proposalId: replace.id });
    const updated = nextEvent<ProposalView>(eu, 'proposal:updated', (view) => view.objectors.length > 0);
    await proposalOk(usa, 'proposal:object', { proposalId: replace.id });
    expect((await updated).objectors).toEqual(['United States']);
    await proposalOk(eu, 'proposal:object', { proposalId: insert.id });

    const accepted = await proposalOk(chair, 'proposal:accept', { proposalId: replace.id });
    expect(accepted).toMatchObject({ status: 'accepted', supporters: ['Nigeria'], objectors: ['United States'], decidedBy: { name: 'Facilitator', delegation: 'Facilitator' } });
    expect(accepted.result).toMatchObject({ paragraphId: op1.id, produced: { length: 'Encourages'.length } });
    const rejected = await proposalOk(chair, 'proposal:reject', { proposalId: insert.id, reason: 'no consensus' });
    expect(rejected.status).toBe('rejected');
    expect(rejected.events.at(-1)).toMatchObject({ action: 'rejected', note: 'no consensus', delegation: 'Facilitator' });

    // Exactly the accepted change, and nothing of the rejected one.
    expect(await freshText(op1.id)).toBe(op1.text.replace('Urges', 'Encourages'));

    expect((await list('?status=accepted')).map((p) => p.id)).toEqual([replace.id]);
    expect((await list('?status=rejected')).map((p) => p.id)).toEqual([insert.id]);
    expect((await list()).map((p) => p.id)).toEqual([replace.id, insert.id]);
    const { body: produced } = await suite.api<{ ranges: ProducedRange[] }>('usa', 'GET', `/proposals/produced?paragraphId=${op1.id}`);
    expect(produced.ranges).toEqual([{ proposalId: replace.id, paragraphId: op1.id, start: 0, end: 'Encourages'.length, text: 'Encourages' }]);

    const { body: activity } = await suite.api<DraftActivityResponse>('chair', 'GET', '/activity');
    expect(activity.activity[0]).toMatchObject({ delegation: 'European Union' });
    expect(activity.proposals[0]).toMatchObject({ proposalId: insert.id, label: 'OP1', proposedBy: 'United States', event: { action: 'rejected' } });
    expect(activity.proposals.map((entry) => entry.event.action).sort()).toEqual(['accepted', 'created', 'created', 'objected', 'objected', 'rejected', 'supported']);
    const times = activity.proposals.map((entry) => entry.event.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(activity.proposals.find((entry) => entry.event.action === 'accepted')!.summary).toContain('Encourages');

    const { body: comparison } = await suite.api<ComparisonWithStatuses>('chair', 'GET', `/compare?from=${before.version.id}&to=current`);
    expect(comparison.acceptedProposals).toEqual([
      { proposalId: replace.id, label: 'OP1', summary: expect.stringContaining('Encourages'), proposedBy: 'European Union', supporters: ['Nigeria'], acceptedBy: 'Facilitator', at: accepted.decidedBy!.at },
    ]);
    expect(comparison.attribution.find((entry) => entry.paragraphId === op1.id)!.delegations.map((d) => d.delegation)).toEqual(['European Union']);

    const { negotiationId } = (await suite.server.store.drafts.get(suite.draftId))!;
    const audit = await requestJson<{ entries: Array<{ action: string; actorName: string }> }>(`${suite.server.url}/api/negotiations/${negotiationId}/audit`, {
      token: await suite.tokenOf('chair'),
    });
    expect(audit.body.entries.filter((entry) => entry.action.startsWith('proposal-')).map((entry) => entry.action)).toEqual(['proposal-reject', 'proposal-accept']);
  });

  it('accepting an alternative rewrites the paragraph and supersedes the other pending proposals on it', async () => {
    const op4 = await paragraph('OP4');
    const { doc } = await suite.yjs('eu');
    const [eu, usa, chair] = await Promise.all(['eu', 'usa', 'chair'].map((name) => suite.joinedSocket(name)));
    const deletion = await proposalOk(usa, 'proposal:create', { draftId: suite.draftId, kind: 'delete', anchor: rangeOn(doc, op4.id, 'and financial institutions') });
    const alternative = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'alternative', paragraphId: op4.id, text: 'Encourages Member States to work with technology companies;' });

    const superseded = nextEvent<ProposalView>(usa, 'proposal:updated', (view) => view.id === deletion.id);
    await proposalOk(chair, 'proposal:accept', { proposalId: alternative.id });
    expect(await superseded).toMatchObject({ status: 'superseded', events: expect.arrayContaining([expect.objectContaining({ action: 'superseded', note: alternative.id })]) });
    expect(await freshText(op4.id)).toBe('Encourages Member States to work with technology companies;');
    expect(await emitAck(usa, 'proposal:withdraw', { proposalId: deletion.id })).toEqual({ ok: false, error: 'the proposal is superseded, no longer pending' });
  });

  it('accepting a new paragraph and a bracket writes them where proposed, labelled as the room reads them', async () => {
    const op7 = await paragraph('OP7');
    const { doc } = await suite.yjs('eu');
    const [nigeria, usa, chair] = await Promise.all(['nigeria', 'usa', 'chair'].map((name) => suite.joinedSocket(name)));
    const added = await proposalOk(nigeria, 'proposal:create', {
      draftId: suite.draftId,
      kind: 'new_paragraph',
      afterParagraphId: op7.id,
      paragraphType: 'operative_paragraph',
      text: 'Decides to remain seized of the matter;',
    });
    const bracket = await proposalOk(usa, 'proposal:create', { draftId: suite.draftId, kind: 'bracket', anchor: rangeOn(doc, op7.id, 'upon request') });
    const accepted = await proposalOk(chair, 'proposal:accept', { proposalId: added.id });
    await proposalOk(chair, 'proposal:accept', { proposalId: bracket.id });

    expect(await freshText(accepted.result!.paragraphId)).toBe('Decides to remain seized of the matter;');
    expect(await freshText(op7.id)).toBe(op7.text.replace('upon request', '[upon request]'));
    expect((await paragraph('OP7bis')).id).toBe(accepted.result!.paragraphId);
    const { body: activity } = await suite.api<DraftActivityResponse>('chair', 'GET', '/activity');
    expect(activity.proposals.find((entry) => entry.proposalId === added.id && entry.event.action === 'accepted')).toMatchObject({ label: 'OP7bis', proposedBy: 'Nigeria' });
  });

  it('lets the proposing delegation edit its pending proposal, clearing support given to other words', async () => {
    const op5 = await paragraph('OP5');
    const { doc } = await suite.yjs('eu');
    const [eu, nigeria] = await Promise.all(['eu', 'nigeria'].map((name) => suite.joinedSocket(name)));
    const made = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'replace', anchor: rangeOn(doc, op5.id, 'Also encourages'), text: 'Urges' });
    await proposalOk(nigeria, 'proposal:support', { proposalId: made.id });
    const edited = await proposalOk(eu, 'proposal:edit', { proposalId: made.id, text: 'Strongly urges' });
    expect(edited).toMatchObject({ text: 'Strongly urges', supporters: [], events: expect.arrayContaining([expect.objectContaining({ action: 'edited' })]) });
    const justified = await proposalOk(eu, 'proposal:edit', { proposalId: made.id, justification: 'stronger' });
    expect(justified).toMatchObject({ text: 'Strongly urges', justification: 'stronger' });
  });

  // Last: a new round renumbers the labels the tests above expect.
  it('stamps a proposal with the round in effect when it was made', async () => {
    expect(await suite.api('chair', 'POST', '/rounds', { name: 'Second reading' })).toMatchObject({ status: 201 });
    const op3 = await paragraph('OP3');
    const eu = await suite.joinedSocket('eu');
    const made = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'alternative', paragraphId: op3.id, text: 'Calls upon Member States to cooperate;' });
    expect(made.round).toBe('Second reading');
  });
});
