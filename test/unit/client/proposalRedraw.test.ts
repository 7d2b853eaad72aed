/** @jest-environment jsdom */
import * as proposalPlace from '../../../client/proposals/proposalPlace';
import { proposalFrom, proposeHarness } from './proposeHarness';

describe('the proposal marks while someone types in Propose mode', () => {
  it('resolve again only the anchor of the proposal being typed, and still show every proposal', async () => {
    const h = proposeHarness({ operative: ['Urges Member States to act;', 'Decides to remain seized;', 'Requests a report.'] });
    await h.load([
      proposalFrom({ kind: 'delete', anchor: h.anchorOn('Member ') }, { id: 'p1', delegation: 'Japan' }),
      proposalFrom({ kind: 'delete', anchor: h.anchorOn('to remain ') }, { id: 'p2', delegation: 'Mexico' }),
    ]);
    h.button('Propose')!.click();
    h.caret('a report', 'a report'.length);
    h.type('x');
    const resolved = jest.spyOn(proposalPlace, 'anchorPlace');
    h.type('yz');
    // Per keystroke the typing finds its insert once and the marks redraw that insert alone
    // (drawing all three would resolve 2 × (1 + 3) anchors): the two others keep their marks.
    expect(resolved).toHaveBeenCalledTimes(2 * 2);
    expect(h.view.dom.querySelectorAll('del.proposal-struck')).toHaveLength(2);
    expect(h.view.dom.querySelector('ins.proposal-inserted')?.textContent).toBe('xyz');
    resolved.mockRestore();

    // A change from Yjs resolves every anchor again.
    const redrawn = jest.spyOn(proposalPlace, 'anchorPlace');
    h.button('Edit')!.click();
    h.caret('Decides', 0);
    h.type('He ');
    h.feature.reload();
    await h.load([proposalFrom({ kind: 'delete', anchor: h.anchorOn('Member ') }, { id: 'p1', delegation: 'Japan' })]);
    expect(redrawn).toHaveBeenCalled();
    expect(h.view.dom.querySelectorAll('del.proposal-struck')).toHaveLength(1);
    redrawn.mockRestore();
    await h.destroy();
  });
});
