/** @jest-environment jsdom */
import * as Y from 'yjs';
import { userColor } from '../../../shared/userColor';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { proposalFrom, proposeHarness } from './proposeHarness';

type Harness = ReturnType<typeof proposeHarness>;

/** The first operative paragraph's Y.XmlText, as another delegation's editor would change it. */
function firstOperativeText(doc: Y.Doc): Y.XmlText {
  const operative = doc
    .getXmlFragment(PROSEMIRROR_FRAGMENT)
    .toArray()
    .find((el) => el instanceof Y.XmlElement && el.nodeName === 'operative') as Y.XmlElement;
  return (operative.get(0) as Y.XmlElement).firstChild as Y.XmlText;
}

const marks = (h: Harness, selector: string) => [...h.view.dom.querySelectorAll<HTMLElement>(selector)];

describe('pending proposals in the text', () => {
  let h: Harness;
  afterEach(() => h.destroy());

  it('shows every kind for everyone, observers included, named after its delegation', async () => {
    h = proposeHarness({ role: 'observer' });
    const opId = h.anchorOn('Urges').paragraphId;
    await h.load([
      proposalFrom({ kind: 'insert', anchor: h.anchorOn('Member', true), text: 'all ' }, { delegation: 'Norway' }),
      proposalFrom({ kind: 'replace', anchor: h.anchorOn('Urges'), text: 'Encourages' }, { delegation: 'European Union' }),
      proposalFrom({ kind: 'delete', anchor: h.anchorOn('to act') }, { delegation: 'United States' }),
      proposalFrom({ kind: 'bracket', anchor: h.anchorOn('its resolutions') }, { delegation: 'Group of 77' }),
      proposalFrom({ kind: 'alternative', paragraphId: opId, text: 'Invites Member States to act;' }, { delegation: 'Group of 77' }),
      proposalFrom({ kind: 'new_paragraph', afterParagraphId: opId, paragraphType: 'operative_paragraph', level: 0, text: 'Requests a report;' }, { delegation: 'Norway' }),
      proposalFrom({ kind: 'delete', anchor: h.anchorOn('Decides') }, { status: 'withdrawn' }),
    ]);
    expect(marks(h, 'ins.proposal-inserted').map((el) => [el.textContent, el.title])).toEqual([
      ['Encourages', 'European Union proposes “Encourages” instead'],
      ['all ', 'Norway proposes to insert “all ”'],
    ]);
    expect(marks(h, 'del.proposal-struck').map((el) => el.textContent)).toEqual(['Urges', 'to act']);
    expect(marks(h, '.proposal-struck')[1].title).toBe('United States proposes to delete this');
    expect(marks(h, '.proposal-bracket').map((el) => el.textContent)).toEqual(['[', ']']);
    expect(marks(h, '.proposal-bracketed').map((el) => el.textContent).join('')).toBe('its resolutions');
    expect(marks(h, '.proposal-block').map((el) => el.getAttribute('aria-label'))).toEqual([
      'Alternative wording – Group of 77: Invites Member States to act;',
      'New operative paragraph – Norway: Requests a report;',
    ]);
    // Blocks come after their paragraph, in the order alternative, new paragraph.
    const paragraph = h.view.dom.querySelector('p.op')!;
    expect(paragraph.nextElementSibling?.classList.contains('proposal-alternative')).toBe(true);
    expect(marks(h, 'ins.proposal-inserted')[1].style.getPropertyValue('--proposal-color')).toBe(userColor('Norway'));
    expect(h.view.dom.textContent).not.toContain('Decides.' + 'x');
    expect(marks(h, '[data-proposal-id]').some((el) => el.textContent === 'Decides')).toBe(false);
  });

  it("colours every mark without a style attribute, which the page's CSP (style-src 'self') would refuse", async () => {
    const setAttribute = jest.spyOn(Element.prototype, 'setAttribute');
    h = proposeHarness();
    const opId = h.anchorOn('Urges').paragraphId;
    await h.load([
      proposalFrom({ kind: 'replace', anchor: h.anchorOn('Urges'), text: 'Encourages' }, { delegation: 'European Union' }),
      proposalFrom({ kind: 'bracket', anchor: h.anchorOn('its resolutions') }, { delegation: 'Group of 77' }),
      proposalFrom({ kind: 'alternative', paragraphId: opId, text: 'Invites Member States to act;' }, { delegation: 'Group of 77' }),
    ]);
    const styled = setAttribute.mock.calls.filter(([name]) => name.toLowerCase() === 'style');
    setAttribute.mockRestore();
    expect(styled).toEqual([]);
    const colours = marks(h, '[data-proposal-id]').map((el) => el.style.getPropertyValue('--proposal-color'));
    expect(colours).toHaveLength(6);
    expect(new Set(colours)).toEqual(new Set([userColor('European Union'), userColor('Group of 77')]));
  });

  it('follows its words while others edit around them, and drops a mark whose words are gone', async () => {
    h = proposeHarness();
    await h.load([proposalFrom({ kind: 'delete', anchor: h.anchorOn('Member States') }), proposalFrom({ kind: 'insert', anchor: h.anchorOn('to act', true), text: 'swiftly ' })]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(h.doc));
    other.on('update', (update: Uint8Array) => Y.applyUpdate(h.doc, update, 'remote'));
    const text = firstOperativeText(other);
    text.insert(0, 'Strongly ');
    expect(marks(h, 'del.proposal-struck').map((el) => el.textContent)).toEqual(['Member States']);
    // What the paragraph shows, without the label hidden at its start for screen readers.
    const shown = h.view.dom.querySelector('p.op')!;
    expect(shown.textContent?.slice(shown.querySelector('.paragraph-ref')!.textContent!.length)).toBe('Strongly Urges Member States swiftly to act;');
    text.delete(text.toString().indexOf('Member'), 'Member States'.length);
    expect(marks(h, 'del.proposal-struck')).toEqual([]);
    other.destroy();
  });

  it('shows proposals broadcast after the list, and drops them when they are decided', async () => {
    h = proposeHarness();
    await h.load([]);
    const proposal = proposalFrom({ kind: 'delete', anchor: h.anchorOn('Urges') });
    h.socket.broadcast('proposal:created', proposal);
    h.socket.broadcast('proposal:created', { ...proposal, id: 'elsewhere', draftId: 'd2' });
    expect(marks(h, 'del.proposal-struck').map((el) => el.dataset.proposalId)).toEqual([proposal.id]);
    h.socket.broadcast('proposal:updated', { ...proposal, status: 'rejected', updatedAt: '2026-05-20T11:00:00.000Z' });
    expect(marks(h, 'del.proposal-struck')).toEqual([]);
  });

  it('tells the Proposals panel which proposal was clicked, and marks it', async () => {
    h = proposeHarness();
    const proposal = proposalFrom({ kind: 'replace', anchor: h.anchorOn('Urges'), text: 'Encourages' });
    await h.load([proposal]);
    h.view.dom.querySelector<HTMLElement>('ins.proposal-inserted')!.click();
    expect(h.selected).toEqual([proposal.id]);
    expect(marks(h, '.is-selected').length).toBeGreaterThan(0);
  });

  it('opens the card of the proposal at the caret with its key', async () => {
    h = proposeHarness();
    const proposal = proposalFrom({ kind: 'bracket', anchor: h.anchorOn('Member States') });
    await h.load([proposal]);
    h.caret('States');
    h.press('Enter', { ctrlKey: true, altKey: true });
    expect(h.selected).toEqual([proposal.id]);
  });

  it('shows a proposal in the text on the panel’s request: marked, with the caret at it', async () => {
    h = proposeHarness();
    const proposal = proposalFrom({ kind: 'delete', anchor: h.anchorOn('Member States') });
    await h.load([proposal]);
    expect(h.feature.select(proposal.id)).toBe(true);
    expect(h.view.state.doc.textBetween(h.view.state.selection.from, h.view.state.selection.from + 6)).toBe('Member');
    expect(marks(h, '.is-selected').map((el) => el.textContent)).toEqual(['Member States']);
    expect(h.feature.select('unknown')).toBe(false);
  });

  it('shows an accepted proposal at the paragraph it wrote', async () => {
    h = proposeHarness();
    const decidesId = h.anchorOn('Decides').paragraphId;
    const opId = h.anchorOn('Urges').paragraphId;
    const accepted = proposalFrom(
      { kind: 'new_paragraph', afterParagraphId: opId, paragraphType: 'operative_paragraph', level: 0, text: 'Decides.' },
      { status: 'accepted', result: { paragraphId: decidesId, produced: null } },
    );
    await h.load([accepted]);
    expect(h.feature.select(accepted.id)).toBe(true);
    expect(h.view.state.selection.$from.parent.attrs.id).toBe(decidesId);
  });

  it('reloads the list and keeps only the newest answer', async () => {
    h = proposeHarness();
    h.feature.reload();
    const [first, second] = h.lists.splice(0);
    second([proposalFrom({ kind: 'delete', anchor: h.anchorOn('Urges') })]);
    first([]);
    await h.settle();
    expect(marks(h, 'del.proposal-struck').map((el) => el.textContent)).toEqual(['Urges']);
  });
});
