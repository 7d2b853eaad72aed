/** @jest-environment jsdom */
import { Awareness } from 'y-protocols/awareness';
import { createCollabEditor } from '../../../client/editor/createEditor';
import { showProposalInText } from '../../../client/proposals/showProposalInText';
import { pointAnchor, rangeAnchor } from '../../../shared/proposalAnchors';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { idOf, liveDraft, ops, proposal, textOf } from '../proposals/proposalFixture';

function setup() {
  const doc = liveDraft({ operative: ops('Urges all Member States to act;', 'Decides to remain seized.') });
  const awareness = new Awareness(doc);
  const view = createCollabEditor({
    mount: document.body.appendChild(document.createElement('div')),
    fragment: doc.getXmlFragment(PROSEMIRROR_FRAGMENT),
    awareness,
    editable: true,
    toolbar: null,
  });
  const op1 = idOf(doc, 'Urges');
  const selected = () => view.state.doc.textBetween(view.state.selection.from, view.state.selection.to);
  const release = () => {
    view.destroy();
    awareness.destroy();
  };
  return { doc, view, op1, text: textOf(doc, op1), selected, release };
}

describe('showProposalInText', () => {
  // jsdom lays nothing out: the ranges scrolled into view have no rectangles.
  beforeAll(() => {
    Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect = () => ({ top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0, x: 0, y: 0 }) as DOMRect;
  });

  it('selects the words of an anchored proposal, the point of an insertion, or the paragraph of an alternative', () => {
    const { view, op1, text, selected, doc, release } = setup();
    expect(showProposalInText(view, proposal({ kind: 'replace', paragraphId: op1, anchor: rangeAnchor(text, 6, 9, op1), text: 'every' }))).toBe(true);
    expect(selected()).toBe('all');
    expect(showProposalInText(view, proposal({ kind: 'insert', paragraphId: op1, anchor: pointAnchor(text, 30, op1), text: ' fully' }))).toBe(true);
    expect([view.state.selection.empty, view.state.doc.textBetween(view.state.selection.from - 3, view.state.selection.from)]).toEqual([true, 'act']);
    const op2 = idOf(doc, 'Decides');
    expect(showProposalInText(view, proposal({ kind: 'alternative', paragraphId: op2, text: 'Decides to close.' }))).toBe(true);
    expect(selected()).toBe('Decides to remain seized.');
    release();
  });

  it('says when the words are no longer in the text', () => {
    const { view, op1, text, release } = setup();
    const deletion = proposal({ kind: 'delete', paragraphId: op1, anchor: rangeAnchor(text, 6, 9, op1) });
    text.delete(5, 5);
    expect(showProposalInText(view, deletion)).toBe(false);
    expect(showProposalInText(view, proposal({ kind: 'alternative', paragraphId: 'gone', text: 'x' }))).toBe(false);
    release();
  });
});
