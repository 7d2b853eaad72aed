import { summarizeProposal } from '../../../shared/proposalSummary';
import { proposal } from './proposalFixture';

const anchor = (quote: string) => ({ paragraphId: 'p-1', start: 'AAAA', end: 'BBBB', quote });

describe('summarizeProposal', () => {
  it('says what each kind does, quoting the words it concerns', () => {
    expect(summarizeProposal(proposal({ kind: 'replace', paragraphId: 'p-1', anchor: anchor('urges'), text: 'encourages' }))).toBe('replace “urges” with “encourages”');
    expect(summarizeProposal(proposal({ kind: 'delete', paragraphId: 'p-1', anchor: anchor('extreme') }))).toBe('delete “extreme”');
    expect(summarizeProposal(proposal({ kind: 'insert', paragraphId: 'p-1', anchor: { ...anchor(''), end: 'AAAA' }, text: 'fully ' }))).toBe('insert “fully”');
    expect(summarizeProposal(proposal({ kind: 'bracket', paragraphId: 'p-1', anchor: anchor('all') }))).toBe('bracket “all”');
    expect(summarizeProposal(proposal({ kind: 'alternative', paragraphId: 'p-1', text: 'Invites States to act;' }))).toBe('alternative wording: “Invites States to act;”');
    expect(summarizeProposal(proposal({ kind: 'new_paragraph', paragraphId: 'p-1', paragraphType: 'operative_paragraph', text: 'Requests a report;' }))).toBe('new operative paragraph: “Requests a report;”');
    expect(summarizeProposal(proposal({ kind: 'new_paragraph', paragraphId: 'p-1', paragraphType: 'preambular_paragraph', text: 'Noting,' }))).toBe('new preambular paragraph: “Noting,”');
  });

  it('cuts long wording to one line', () => {
    const long = 'Requests the Secretary-General to report to the Commission at its thirty-sixth session on the implementation of the present resolution;';
    const summary = summarizeProposal(proposal({ kind: 'alternative', paragraphId: 'p-1', text: long }));
    expect(summary).toBe('alternative wording: “Requests the Secretary-General to report to the Commission at its thirty-sixth…”');
  });
});
