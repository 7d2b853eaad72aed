import type { ParagraphView } from '../../../shared/paragraphs';
import type { ProposalListResponse, ProposalView } from '../../../shared/proposals';
import { LogCapture } from '../../helpers/captureLogs';
import { demoDraftSuite } from '../../helpers/demoDraftSuite';
import { requestJson } from '../../helpers/http';
import { deleteWords, pointAfter, proposalOk, rangeOn, textIn } from '../../helpers/proposals';
import { connectSocket, emitAck, type ClientSocket } from '../../helpers/socketClient';
import { connectYjs, waitForDoc } from '../../helpers/yjsClient';

/**
 * A modified client against the proposal workflow: it may send any payload on any proposal id,
 * and the server decides who it is, what it may do and whether the text it points at exists.
 */
describe('attack: proposals from a modified client', () => {
  // Many events from few people in a short time: the event budget has its own test (proposalFlood).
  const logs = new LogCapture('warn');
  const suite = demoDraftSuite({ socketEventBurst: 1000, socketEventsPerSecond: 1000 }, logs.logger);
  const paragraph = async (label: string) => {
    const { body } = await suite.api<{ paragraphs: ParagraphView[] }>('chair', 'GET', '/paragraphs');
    return body.paragraphs.find((view) => view.label === label)!;
  };
  const create = (socket: ClientSocket, payload: object) => emitAck<{ proposal: ProposalView }>(socket, 'proposal:create', { draftId: suite.draftId, ...payload });
  const otherDraftId = async () => (await suite.server.store.drafts.list()).find((draft) => draft.symbol === 'A/AC.301/2026/L.2')!.id;
  const pending = async () => (await suite.api<ProposalListResponse>('chair', 'GET', '/proposals?status=pending')).body.proposals;

  it('refuses observers and delegates what only others may do', async () => {
    const op2 = await paragraph('OP2');
    const { doc } = await suite.yjs('eu');
    const [eu, observer, usa] = await Promise.all(['eu', 'secretariat', 'usa'].map((name) => suite.joinedSocket(name)));
    const anchor = rangeOn(doc, op2.id, 'strengthen');
    expect(await create(observer, { kind: 'bracket', anchor })).toEqual({ ok: false, error: 'observers cannot make or support proposals' });
    const made = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'bracket', anchor });
    expect(await emitAck(observer, 'proposal:support', { proposalId: made.id })).toEqual({ ok: false, error: 'observers cannot make or support proposals' });
    expect(await emitAck(eu, 'proposal:accept', { proposalId: made.id })).toEqual({ ok: false, error: 'only a facilitator accepts or rejects proposals' });
    expect(await emitAck(usa, 'proposal:reject', { proposalId: made.id })).toEqual({ ok: false, error: 'only a facilitator accepts or rejects proposals' });
    expect(await emitAck(usa, 'proposal:withdraw', { proposalId: made.id })).toEqual({ ok: false, error: 'only the delegation that made the proposal can change or withdraw it' });
    expect(await emitAck(usa, 'proposal:edit', { proposalId: made.id, justification: 'hijacked' })).toMatchObject({ ok: false });

    expect(await emitAck(eu, 'proposal:support', { proposalId: made.id })).toEqual({ ok: false, error: 'your delegation made this proposal' });
    await proposalOk(usa, 'proposal:support', { proposalId: made.id });
    expect(await emitAck(usa, 'proposal:support', { proposalId: made.id })).toEqual({ ok: false, error: 'your delegation already supports this proposal' });
    expect((await pending()).find((p) => p.id === made.id)).toMatchObject({ supporters: ['United States'], objectors: [] });
  });

  it('never accepts a withdrawn proposal, nor one proposal twice when two accepts race', async () => {
    const op3 = await paragraph('OP3');
    const { doc } = await suite.yjs('eu');
    const [eu, chair, chairAgain] = await Promise.all(['eu', 'chair', 'chair'].map((name) => suite.joinedSocket(name)));
    const withdrawn = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'delete', anchor: rangeOn(doc, op3.id, 'Calls upon') });
    await proposalOk(eu, 'proposal:withdraw', { proposalId: withdrawn.id });
    expect(await emitAck(chair, 'proposal:accept', { proposalId: withdrawn.id })).toEqual({ ok: false, error: 'the proposal is withdrawn, no longer pending' });

    const insert = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'insert', anchor: pointAfter(doc, op3.id, 'to enhance'), text: ' further' });
    const answers = await Promise.all([chair, chairAgain].map((socket) => emitAck(socket, 'proposal:accept', { proposalId: insert.id })));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.find((answer) => !answer.ok)).toEqual({ ok: false, error: 'the proposal is accepted, no longer pending' });
    const fresh = await suite.yjs('kazakhstan');
    expect(textIn(fresh.doc, op3.id)).toBe(op3.text.replace('to enhance', 'to enhance further'));
  });

  it('refuses anchors from another draft, anchors that do not resolve, and empty or oversized text', async () => {
    const op6 = await paragraph('OP6');
    const op7 = await paragraph('OP7');
    const { doc } = await suite.yjs('eu');
    const eu = await suite.joinedSocket('eu');
    const otherId = await otherDraftId();
    const { body } = await requestJson<{ paragraphs: ParagraphView[] }>(`${suite.server.url}/api/drafts/${otherId}/paragraphs`, { token: await suite.tokenOf('eu') });
    const foreignParagraph = body.paragraphs.find((view) => view.label === 'OP1')!;
    const foreign = connectYjs(suite.server.wsUrl, otherId, await suite.tokenOf('eu'));
    await foreign.synced;
    try {
      const fromElsewhere = rangeOn(foreign.doc, foreignParagraph.id, foreignParagraph.text.slice(0, 5));
      expect(await create(eu, { kind: 'delete', anchor: fromElsewhere })).toMatchObject({ ok: false });
      expect(await create(eu, { kind: 'delete', anchor: { ...fromElsewhere, paragraphId: op6.id } })).toMatchObject({ ok: false });
    } finally {
      foreign.destroy();
    }
    const inOp7 = rangeOn(doc, op7.id, 'Requests');
    expect(await create(eu, { kind: 'delete', anchor: { ...inOp7, paragraphId: op6.id } })).toMatchObject({ ok: false });
    expect(await create(eu, { kind: 'delete', anchor: { ...inOp7, start: 'AAAA', end: 'AAAA' } })).toMatchObject({ ok: false });
    expect(await create(eu, { kind: 'delete', anchor: { ...inOp7, start: 'not base64!', end: '%%%' } })).toMatchObject({ ok: false });
    expect(await create(eu, { kind: 'replace', anchor: inOp7, text: '' })).toMatchObject({ ok: false });
    expect(await create(eu, { kind: 'replace', anchor: inOp7 })).toMatchObject({ ok: false });
    expect(await create(eu, { kind: 'replace', anchor: inOp7, text: 'x'.repeat(4001) })).toEqual({ ok: false, error: expect.stringContaining('4000 characters') });
    expect(await create(eu, { kind: 'replace', anchor: inOp7, text: 'two\nparagraphs' })).toMatchObject({ ok: false });
    expect(await create(eu, { kind: 'alternative', paragraphId: 'no-such-paragraph', text: 'New wording' })).toMatchObject({ ok: false });
    expect(await create(eu, { kind: 'new_paragraph', afterParagraphId: op7.id, paragraphType: 'preambular_paragraph', text: 'Recalling its resolutions,' })).toEqual({
      ok: false,
      error: 'a preambular paragraph goes in the preamble',
    });
    expect(await create(eu, { kind: 'replace', anchor: inOp7, text: 'Asks', justification: 'j'.repeat(1001) })).toMatchObject({ ok: false });
    expect((await pending()).filter((p) => [op6.id, op7.id].includes(p.paragraphId))).toEqual([]);
  });

  it('ignores forged author, delegation, status and support fields', async () => {
    const op8 = await paragraph('OP8');
    const { doc } = await suite.yjs('eu');
    const eu = await suite.joinedSocket('eu');
    const answer = await create(eu, {
      kind: 'bracket',
      anchor: { ...rangeOn(doc, op8.id, 'report'), quote: 'words it does not cover' },
      authorId: 'someone-else',
      authorName: 'Delegate of the United States',
      delegation: 'United States',
      status: 'accepted',
      supporters: ['Nigeria', 'Belarus'],
      round: 'Rev.9',
    });
    expect(answer).toMatchObject({
      ok: true,
      proposal: { authorName: 'Delegate of the European Union', delegation: 'European Union', status: 'pending', supporters: [], round: null, anchor: { quote: 'report' } },
    });
  });

  it('keeps an edit to its own kind and paragraph', async () => {
    const op7 = await paragraph('OP7');
    const op6 = await paragraph('OP6');
    const { doc } = await suite.yjs('eu');
    const eu = await suite.joinedSocket('eu');
    const deletion = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'delete', anchor: rangeOn(doc, op7.id, 'upon request') });
    const edit = (change: object) => emitAck(eu, 'proposal:edit', { proposalId: deletion.id, ...change });
    expect(await edit({ text: 'smuggled words' })).toEqual({ ok: false, error: 'a delete proposal has no text to edit' });
    expect(await edit({ anchor: rangeOn(doc, op6.id, 'Invites') })).toEqual({ ok: false, error: 'a proposal stays in its paragraph; make a new one for another paragraph' });
    expect(await edit({})).toEqual({ ok: false, error: 'the edit changes nothing' });
    expect(await edit({ anchor: rangeOn(doc, op7.id, 'technical assistance') })).toMatchObject({ ok: true, proposal: { anchor: { quote: 'technical assistance' } } });
  });

  it('keeps objections when the proposer resends its unchanged wording', async () => {
    const op7 = await paragraph('OP7');
    const { doc } = await suite.yjs('eu');
    const [eu, usa] = await Promise.all(['eu', 'usa'].map((name) => suite.joinedSocket(name)));
    const anchor = rangeOn(doc, op7.id, 'technical assistance');
    const made = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'replace', anchor, text: 'support' });
    await proposalOk(usa, 'proposal:object', { proposalId: made.id });
    expect(await proposalOk(eu, 'proposal:edit', { proposalId: made.id, text: 'support', anchor: made.anchor })).toMatchObject({ text: 'support', objectors: ['United States'] });
    expect(await proposalOk(eu, 'proposal:edit', { proposalId: made.id, text: 'advice' })).toMatchObject({ text: 'advice', objectors: [] });
  });

  it('refuses proposals and edits that would leave the text as it is, logging each; an edit that changes nothing writes nothing', async () => {
    const op4 = await paragraph('OP4');
    const { doc } = await suite.yjs('eu');
    const eu = await suite.joinedSocket('eu');
    const firstWord = op4.text.split(' ')[0];
    const asItStands = { ok: false, error: 'this is the wording as it stands; change it to propose an alternative' };
    const sameWords = { ok: false, error: 'the proposed words are the words they replace; change them to propose a replacement' };
    const mark = logs.mark();
    expect(await create(eu, { kind: 'alternative', paragraphId: op4.id, text: op4.text })).toEqual(asItStands);
    expect(await create(eu, { kind: 'alternative', paragraphId: op4.id, text: ` ${op4.text}  ` })).toEqual(asItStands);
    expect(await create(eu, { kind: 'replace', anchor: rangeOn(doc, op4.id, firstWord), text: firstWord })).toEqual(sameWords);
    expect(logs.since(mark).filter((line) => line.msg === 'event refused' && line.event === 'proposal:create')).toHaveLength(3);
    expect((await pending()).filter((p) => p.paragraphId === op4.id)).toEqual([]);

    const alternative = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'alternative', paragraphId: op4.id, text: `${op4.text} Again.` });
    const replace = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'replace', anchor: rangeOn(doc, op4.id, firstWord), text: 'Also' });
    expect(await emitAck(eu, 'proposal:edit', { proposalId: alternative.id, text: op4.text })).toEqual(asItStands);
    expect(await emitAck(eu, 'proposal:edit', { proposalId: replace.id, text: firstWord })).toEqual(sameWords);
    // Moving the anchor to where it is, with the same words: answered with the proposal, no step in its history.
    expect(await proposalOk(eu, 'proposal:edit', { proposalId: replace.id, anchor: replace.anchor, text: replace.text })).toEqual(replace);
    expect((await pending()).filter((p) => p.paragraphId === op4.id)).toEqual([alternative, replace]);
  });

  it('refuses to accept a proposal whose words are gone, or into an agreed paragraph, leaving the text as it is', async () => {
    const op2 = await paragraph('OP2');
    const op1 = await paragraph('OP1');
    const editor = await suite.yjs('kazakhstan');
    const [eu, chair] = await Promise.all(['eu', 'chair'].map((name) => suite.joinedSocket(name)));
    const gone = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'replace', anchor: rangeOn(editor.doc, op2.id, 'policy'), text: 'regulatory' });
    // Another delegation deletes those words directly.
    deleteWords(editor.doc, op2.id, 'policy');
    const reader = await suite.yjs('usa');
    await waitForDoc(reader.doc, (d) => !textIn(d, op2.id).includes('policy'));
    const before = textIn(reader.doc, op2.id);
    expect(await emitAck(chair, 'proposal:accept', { proposalId: gone.id })).toEqual({ ok: false, error: 'the words of this proposal are no longer in its paragraph: they were changed or deleted' });
    expect((await pending()).find((p) => p.id === gone.id)).toBeDefined();

    const locked = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'bracket', anchor: rangeOn(editor.doc, op1.id, 'Member States') });
    expect(await emitAck(chair, 'paragraph:status', { draftId: suite.draftId, paragraphId: op1.id, status: 'agreed_ad_ref' })).toMatchObject({ ok: true });
    expect(await emitAck(chair, 'proposal:accept', { proposalId: locked.id })).toEqual({ ok: false, error: 'the paragraph is agreed and locked; reopen it first' });
    expect(await emitAck(chair, 'paragraph:status', { draftId: suite.draftId, paragraphId: op1.id, status: 'open' })).toMatchObject({ ok: true });

    const fresh = await suite.yjs('nigeria');
    expect(textIn(fresh.doc, op2.id)).toBe(before);
    expect(textIn(fresh.doc, op1.id)).toBe(op1.text);
  });

  it('takes the text change back when the accepted decision cannot be stored, so accepting again writes it once', async () => {
    const op8 = await paragraph('OP8');
    const { doc } = await suite.yjs('eu');
    const [eu, chair] = await Promise.all(['eu', 'chair'].map((name) => suite.joinedSocket(name)));
    const insert = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'insert', anchor: pointAfter(doc, op8.id, 'Also requests'), text: ' once more' });
    const failing = jest.spyOn(suite.server.store.proposals, 'update').mockRejectedValueOnce(new Error('disk full'));
    try {
      expect(await emitAck(chair, 'proposal:accept', { proposalId: insert.id })).toEqual({ ok: false, error: 'the decision could not be recorded; the text is as it was, try again' });
    } finally {
      failing.mockRestore();
    }
    expect(textIn((await suite.yjs('belarus')).doc, op8.id)).toBe(op8.text);
    await proposalOk(chair, 'proposal:accept', { proposalId: insert.id });
    expect(textIn((await suite.yjs('belarus')).doc, op8.id)).toBe(op8.text.replace('Also requests', 'Also requests once more'));
  });

  it('keeps members of another negotiation out: no reading, no acting, no broadcasts', async () => {
    const pp1 = (await suite.api<{ paragraphs: ParagraphView[] }>('chair', 'GET', '/paragraphs')).body.paragraphs.find((view) => view.label.startsWith('PP'))!;
    const { doc } = await suite.yjs('eu');
    const eu = await suite.joinedSocket('eu');
    const outsiders = await Promise.all(['brazil', 'chair2'].map(async (name) => {
      const socket = await connectSocket(suite.server.url, await suite.tokenOf(name));
      expect(await emitAck(socket, 'draft:join', { draftId: await otherDraftId() })).toMatchObject({ ok: true });
      return socket;
    }));
    const overheard: ProposalView[] = [];
    for (const socket of outsiders) {
      socket.on('proposal:created', (view) => overheard.push(view));
      socket.on('proposal:updated', (view) => overheard.push(view));
    }
    try {
      const made = await proposalOk(eu, 'proposal:create', { draftId: suite.draftId, kind: 'bracket', anchor: rangeOn(doc, pp1.id, pp1.text.split(' ')[0]) });
      const [brazil, chair2] = outsiders;
      expect(await create(brazil, { kind: 'bracket', anchor: rangeOn(doc, pp1.id, pp1.text.split(' ')[0]) })).toEqual({ ok: false, error: 'join the draft first' });
      expect(await emitAck(brazil, 'proposal:support', { proposalId: made.id })).toEqual({ ok: false, error: 'join the draft first' });
      expect(await emitAck(chair2, 'proposal:accept', { proposalId: made.id })).toEqual({ ok: false, error: 'join the draft first' });
      expect(await emitAck(chair2, 'draft:join', { draftId: suite.draftId })).toMatchObject({ ok: false });
      expect(await emitAck(chair2, 'proposal:accept', { proposalId: made.id })).toEqual({ ok: false, error: 'join the draft first' });
      for (const name of ['brazil', 'chair2']) {
        const token = await suite.tokenOf(name);
        expect((await requestJson(`${suite.server.url}/api/drafts/${suite.draftId}/proposals`, { token })).status).toBe(404);
        expect((await requestJson(`${suite.server.url}/api/drafts/${suite.draftId}/proposals/produced?paragraphId=${pp1.id}`, { token })).status).toBe(404);
      }
      // A round trip on each outsider's socket after the broadcasts: anything sent to them before has arrived.
      await Promise.all(outsiders.map((socket) => emitAck(socket, 'proposal:support', { proposalId: made.id })));
      expect(overheard).toEqual([]);
      expect((await pending()).find((p) => p.id === made.id)).toMatchObject({ supporters: [] });
    } finally {
      outsiders.forEach((socket) => socket.disconnect());
    }
  });

  it('answers 400 to an unknown status or a missing paragraph id', async () => {
    expect(await suite.api('eu', 'GET', '/proposals?status=approved')).toMatchObject({ status: 400, body: { error: expect.any(String) } });
    expect((await suite.api('eu', 'GET', '/proposals/produced')).status).toBe(400);
  });
});
