/** @jest-environment jsdom */
import { Plugin } from 'prosemirror-state';
import type { ReplaceStep } from 'prosemirror-transform';
import { FindFeature } from '../../../../client/find/findFeature';
import { ProposalActions } from '../../../../client/proposals/proposalActions';
import type { RealtimeSocket } from '../../../../client/api/realtime';
import type { ProposeHarnessOptions } from '../proposeHarness';
import { proposalFrom, proposeHarness } from '../proposeHarness';

/*
 * The harness's draft: heading lines "Commission on Crime Prevention and Criminal Justice" (twice,
 * organ and formula), "Recalling its resolutions,", "Urges Member States to act;", "Decides.".
 * "Draft resolution" (the sponsors line), "re" is there five times in any case (Prevention twice, resolution,
 * Recalling, resolutions), four times in lower case.
 */
function findHarness(options: ProposeHarnessOptions = {}) {
  const harness = proposeHarness(options);
  const find = new FindFeature({
    canReplace: options.role !== 'observer',
    propose: (proposal) => new ProposalActions(harness.socket as unknown as RealtimeSocket, 'd1').create(proposal),
  });
  const { view } = harness;
  view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins, find.plugin] }));
  find.attach(view);
  document.body.prepend(find.bar.element);
  const bar = find.bar.element;
  const input = (selector: string) => bar.querySelector<HTMLInputElement>(selector)!;
  const click = (selector: string) => bar.querySelector<HTMLButtonElement>(selector)!.click();
  const search = (text: string) => {
    input('.find-input').value = text;
    input('.find-input').dispatchEvent(new Event('input'));
  };
  const key = (target: HTMLElement, key: string, init: KeyboardEventInit = {}) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  const count = () => bar.querySelector('.find-count')!.textContent;
  const marked = () => [...view.dom.querySelectorAll('.find-match')].map((el) => el.textContent);
  const current = () => view.dom.querySelector('.find-match-current')?.textContent ?? null;
  const replaceWith = (text: string) => (input('.find-replace-input').value = text);
  const message = () => bar.querySelector('.find-message')!.textContent;
  return { ...harness, find, bar, input, click, search, key, count, marked, current, replaceWith, message };
}

describe('find and replace in the editor', () => {
  let h: ReturnType<typeof findHarness>;
  afterEach(() => h.destroy());

  it('opens on Ctrl-F in the text, counts and marks the matches, steps through them both ways and honours Match case', () => {
    h = findHarness();
    h.caret('Recalling');
    expect(h.bar.hidden).toBe(true);
    h.press('f', { ctrlKey: true });
    expect(h.bar.hidden).toBe(false);
    expect(document.activeElement).toBe(h.input('.find-input'));

    h.search('re');
    // The first match from the caret on is current.
    expect(h.count()).toBe('4 of 5');
    expect(h.marked()).toEqual(['re', 're', 're', 'Re', 're']);
    expect(h.current()).toBe('Re');
    h.key(h.input('.find-input'), 'Enter');
    expect(h.count()).toBe('5 of 5');
    h.click('.find-next');
    expect(h.count()).toBe('1 of 5');
    h.key(h.input('.find-input'), 'Enter', { shiftKey: true });
    expect(h.count()).toBe('5 of 5');

    h.input('.find-case').checked = true;
    h.input('.find-case').dispatchEvent(new Event('change'));
    expect(h.marked()).toEqual(['re', 're', 're', 're']);
    // Ctrl-F again from the bar selects the words to find instead of opening the browser's find.
    h.click('.find-next');
    const again = new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, cancelable: true });
    h.bar.querySelector('.find-next')!.dispatchEvent(again);
    expect(again.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(h.input('.find-input'));
    h.search('nowhere to be found');
    expect(h.count()).toBe('No match');
    expect(h.marked()).toEqual([]);
  });

  it('takes the selected words as the words to find', () => {
    h = findHarness();
    h.selectWords('Member', 'States');
    h.press('f', { metaKey: false, ctrlKey: true });
    expect(h.input('.find-input').value).toBe('Member States');
    expect(h.count()).toBe('1 of 1');
  });

  it('replaces one match and moves on to the next, never into the words just put in', () => {
    h = findHarness();
    h.caret('Recalling');
    h.press('f', { ctrlKey: true });
    h.search('re');
    h.replaceWith('re-re');
    h.click('.find-replace');
    expect(h.text()).toContain('re-recalling its resolutions,');
    // re-recalling: the second "re" of the new words is not the next match; "resolutions" is.
    expect(h.count()).toBe('6 of 6');
    expect(h.current()).toBe('re');
    expect(h.view.state.doc.textBetween(h.view.state.selection.from, h.view.state.selection.to + 8)).toBe('resolution');
  });

  it('replaces every match as one edit: one transaction, one Yjs update', () => {
    h = findHarness();
    h.press('f', { ctrlKey: true });
    h.search('re');
    const updates: Uint8Array[] = [];
    h.doc.on('update', (update: Uint8Array) => updates.push(update));
    h.replaceWith('RE');
    h.click('.find-replace-all');
    expect(updates).toHaveLength(1);
    expect(h.text()).toContain('PREvention');
    expect(h.text()).toContain('REcalling its REsolutions,');
    expect(h.message()).toBe('Replaced 5 matches.');
    // The new words match again (any case); no match after the last one, so the count starts over.
    expect(h.count()).toBe('1 of 5');
  });

  it('leaves matches in text the editor refuses to change (agreed text, the heading) and replaces the others', () => {
    h = findHarness();
    const organLocked = new Plugin({
      filterTransaction: (tr, state) => !tr.docChanged || tr.steps.every((step) => state.doc.resolve((step as ReplaceStep).from).parent.type.name !== 'organ'),
    });
    h.view.updateState(h.view.state.reconfigure({ plugins: [...h.view.state.plugins, organLocked] }));
    h.press('f', { ctrlKey: true });
    h.search('Prevention');
    h.replaceWith('Suppression');
    h.click('.find-replace-all');
    expect(h.message()).toBe('Replaced 1 match (1 match in agreed text or the heading left unchanged).');
    expect(h.text()).toContain('L.9Commission on Crime Prevention and Criminal Justice');
    expect(h.text()).toContain('The Commission on Crime Suppression and Criminal Justice,');
    h.search('Prevention');
    h.click('.find-replace-all');
    expect(h.message()).toBe('Nothing replaced: 1 match in agreed text or the heading left unchanged.');
  });

  it('closes on Escape, clears the marks and gives the focus back to the text', () => {
    h = findHarness();
    h.view.focus();
    h.press('f', { ctrlKey: true });
    h.search('re');
    h.key(h.input('.find-input'), 'Escape');
    expect(h.bar.hidden).toBe(true);
    expect(h.marked()).toEqual([]);
    expect(document.activeElement).toBe(h.view.dom);
  });

  it('in a proposals-only draft makes a delegate\'s replacements replace proposals, one at a time, leaving the text and the heading as they are', async () => {
    h = findHarness({ editing: 'proposals' });
    await h.settle();
    const before = h.text();
    h.press('f', { ctrlKey: true });
    h.search('re');
    h.replaceWith('RE');
    h.click('.find-replace-all');
    await h.settle();
    const [first] = h.socket.take();
    expect(first).toMatchObject({ event: 'proposal:create', payload: { draftId: 'd1', kind: 'replace', text: 'RE', anchor: { quote: 'Re' } } });
    expect(first.payload.anchor).toEqual(h.anchorOn('Re'));
    // The next one only once the server answered the first.
    expect(h.socket.take()).toEqual([]);
    first.answer(proposalFrom(first.payload));
    await h.settle();
    const [second] = h.socket.take();
    expect(second.payload).toMatchObject({ kind: 'replace', text: 'RE', anchor: { quote: 're' } });
    second.answer(proposalFrom(second.payload));
    await h.settle();
    expect(h.text()).toBe(before);
    expect(h.message()).toBe('Proposed 2 replacements (3 outside preambular and operative paragraphs left as they are).');
  });

  it('in Propose mode proposes deleting the match for an empty replacement, and says what the server refused', async () => {
    h = findHarness();
    h.button('Propose')!.click();
    h.press('f', { ctrlKey: true });
    h.search('Member ');
    h.replaceWith('');
    h.click('.find-replace');
    await h.settle();
    const [sent] = h.socket.take();
    expect(sent.payload).toMatchObject({ kind: 'delete', anchor: { quote: 'Member ' } });
    expect(sent.payload.text).toBeUndefined();
    sent.refuse('The paragraph is agreed');
    await h.settle();
    expect(h.message()).toBe('0 proposals made; then: The paragraph is agreed.');
    expect(h.text()).toContain('Urges Member States');
  });

  it('offers an observer find without replace', () => {
    h = findHarness({ role: 'observer' });
    expect(h.bar.querySelector('.find-replace')).toBeNull();
    expect(h.bar.querySelector('.find-replace-all')).toBeNull();
    expect(h.bar.querySelector('.find-input')).not.toBeNull();
  });
});
