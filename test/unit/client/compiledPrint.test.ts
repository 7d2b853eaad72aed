/** @jest-environment jsdom */
import { DraftApi } from '../../../client/api/draftApi';
import { compiledPrint, printViewChoice } from '../../../client/proposals/compiledPrint';
import { rangeAnchor } from '../../../shared/proposalAnchors';
import { idOf, liveDraft, ops, proposal, proseMirrorDoc, textOf } from '../proposals/proposalFixture';
import { FakeServer, settle } from './fakeServer';

function draftWithProposal() {
  const doc = liveDraft({ operative: ops('Urges all Member States to act;', 'Decides to remain seized.') });
  const op1 = idOf(doc, 'Urges');
  const bracket = proposal({ kind: 'bracket', paragraphId: op1, anchor: rangeAnchor(textOf(doc, op1), 6, 9, op1), delegation: 'EU', supporters: ['CARICOM'] });
  const server = new FakeServer()
    .on('GET /api/drafts/d1/proposals?status=pending', { status: 200, body: { proposals: [bracket] } })
    .on('GET /api/drafts/d1/paragraphs', { status: 200, body: { paragraphs: [{ id: op1, label: 'OP3', status: 'open' }] } });
  return { doc, op1, server, api: new DraftApi('d1', server.api) };
}

describe('the print view of a compiled text', () => {
  it('prints the chosen view with the labels of the round', async () => {
    const { doc, api } = draftWithProposal();
    const compilation = await compiledPrint(doc, proseMirrorDoc(doc), api, { kind: 'compilation' });
    const op = compilation.querySelector<HTMLElement>('.op[data-label="OP3"]')!;
    expect(op.textContent).toBe('Urges [all – EU, CARICOM] Member States to act;');
    expect(op.querySelector('.compiled-note')?.textContent).toBe(' – EU, CARICOM');
    const clean = await compiledPrint(doc, proseMirrorDoc(doc), api, { kind: 'clean' });
    expect(clean.querySelector('.op[data-label="OP3"]')?.textContent).toBe('Urges all Member States to act;');
  });

  it('offers each view in the print bar, the delegations with pending proposals included, and navigates to it', async () => {
    const { server, api } = draftWithProposal();
    const go = jest.fn();
    const field = printViewChoice({ kind: 'delegation', delegation: 'Japan' }, api, go);
    await settle();
    const select = field.querySelector('select')!;
    expect(field.textContent).toContain('View');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Current text'],
      ['compilation', 'Compilation text'],
      ['clean', 'Clean text'],
      ['delegation:Japan', 'Proposals of Japan'],
      ['delegation:CARICOM', 'Proposals of CARICOM'],
      ['delegation:EU', 'Proposals of EU'],
    ]);
    expect(select.value).toBe('delegation:Japan');
    select.value = 'delegation:EU';
    select.dispatchEvent(new Event('change'));
    select.value = '';
    select.dispatchEvent(new Event('change'));
    expect(go.mock.calls).toEqual([['?view=delegation%3AEU'], ['']]);
    expect(server.changes()).toEqual([]);
  });
});
