/** @jest-environment jsdom */
import { DraftViews, VIEW_REDRAW_MS } from '../../../client/proposals/draftViews';
import { paragraphOutline } from '../../../client/proposals/paragraphOutline';
import { ProposalStore } from '../../../client/proposals/proposalStore';
import { compileDraft, compiledText } from '../../../shared/compilation';
import { pointAnchor, rangeAnchor } from '../../../shared/proposalAnchors';
import { idOf, liveDraft, ops, proposal, proseMirrorDoc, textOf } from '../proposals/proposalFixture';

function setup(ownDelegation?: string) {
  const doc = liveDraft({ preambular: ['Recalling its resolution 25/2,'], operative: ops('Urges all Member States to act;', 'Decides to remain seized.') });
  const op1 = idOf(doc, 'Urges');
  const op2 = idOf(doc, 'Decides');
  const text = textOf(doc, op1);
  const usDelete = proposal({ kind: 'delete', paragraphId: op1, anchor: rangeAnchor(text, 6, 9, op1), delegation: 'US', objectors: ['G77'] });
  const norwayInsert = proposal({ kind: 'insert', paragraphId: op1, anchor: pointAnchor(text, 30, op1), text: ' fully', delegation: 'Norway' });
  const japanNew = proposal({ kind: 'new_paragraph', paragraphId: op2, paragraphType: 'operative_paragraph', level: 0, text: 'Requests a report.', delegation: 'Japan', supporters: ['US'] });
  const store = new ProposalStore();
  store.replaceAll([usDelete, norwayInsert, japanNew]);
  const editor = document.createElement('div');
  const outline = () => paragraphOutline(proseMirrorDoc(doc), null);
  const views = new DraftViews({ doc, store, editorColumn: editor, outline, ownDelegation });
  document.body.replaceChildren(views.toggle, editor, views.paper);
  const choose = (label: string) => {
    const radio = [...views.toggle.querySelectorAll('label')].find((l) => l.textContent === label)!.querySelector('input')!;
    radio.checked = true;
    radio.dispatchEvent(new Event('change'));
  };
  const paragraphTexts = () => [...views.paper.querySelectorAll<HTMLElement>('.pp, .op')].map((el) => el.textContent);
  return { doc, store, views, editor, choose, paragraphTexts, text, op1, usDelete, outline };
}

describe('DraftViews', () => {
  afterEach(() => jest.useRealTimers());

  it('offers Editing, Compilation text, Clean text and By delegation as labelled radio buttons', () => {
    const { views } = setup();
    expect(views.toggle.querySelector('legend')?.textContent).toBe('View');
    expect([...views.toggle.querySelectorAll('label.view-choice')].map((l) => [l.textContent, l.querySelector('input')?.type])).toEqual([
      ['Editing', 'radio'],
      ['Compilation text', 'radio'],
      ['Clean text', 'radio'],
      ['By delegation', 'radio'],
    ]);
    expect(views.paper.hidden).toBe(true);
    views.destroy();
  });

  it('shows the compilation text in the room notation, read-only, in place of the editor and its toolbar', () => {
    const { views, choose, editor, paragraphTexts, doc, store, outline } = setup();
    choose('Compilation text');
    expect([editor.classList.contains('shows-compiled-view'), views.paper.hidden]).toEqual([true, false]);
    expect(views.paper.getAttribute('aria-label')).toBe('Compilation text (read-only)');
    expect(paragraphTexts()).toEqual([
      'Recalling its resolution 25/2,',
      'Urges [all – US delete; G77 retain] Member States to act [fully – Norway];',
      'Decides to remain seized.',
      'OP2bis [Requests a report. – Japan, US]',
    ]);
    // The sheet says exactly what the shared notation says.
    const compiled = compileDraft(doc, store.list(), outline().labels, { kind: 'compilation' }).paragraphs.filter((p) => /preambular|operative/.test(p.type));
    expect(paragraphTexts()).toEqual(compiled.map(compiledText));
    expect(views.paper.querySelector('.compiled-addition ins')?.textContent).toBe('fully');
    expect(views.paper.querySelector('.op[data-label="OP1"]')?.getAttribute('data-num')).toBe('1.');
    expect(views.paper.querySelector('[contenteditable]')).toBeNull();
    views.destroy();
  });

  it('shows the clean text without anything pending, and one delegation’s proposals (made or supported)', () => {
    const { views, choose, paragraphTexts, editor } = setup();
    choose('Clean text');
    expect(paragraphTexts()).toEqual(['Recalling its resolution 25/2,', 'Urges all Member States to act;', 'Decides to remain seized.']);
    choose('By delegation');
    const select = views.toggle.querySelector<HTMLSelectElement>('.view-delegation')!;
    expect(select.closest('label')?.hidden).toBe(false);
    expect(select.closest('label')?.textContent).toContain('Delegation');
    expect([...select.options].map((o) => o.value)).toEqual(['Japan', 'Norway', 'US']);
    select.value = 'US';
    select.dispatchEvent(new Event('change'));
    expect(paragraphTexts()).toEqual([
      'Recalling its resolution 25/2,',
      'Urges [all – US delete; G77 retain] Member States to act;',
      'Decides to remain seized.',
      'OP2bis [Requests a report. – Japan, US]',
    ]);
    select.value = 'Norway';
    select.dispatchEvent(new Event('change'));
    expect(paragraphTexts()[1]).toBe('Urges all Member States to act [fully – Norway];');
    expect(views.paper.getAttribute('aria-label')).toBe('Proposals of Norway (read-only)');
    choose('Editing');
    expect([editor.classList.contains('shows-compiled-view'), views.paper.hidden, views.paper.childElementCount, select.closest('label')?.hidden]).toEqual([false, true, 0, true]);
    views.destroy();
  });

  it('opens By delegation on the reader’s own delegation when it has proposals, on the first one otherwise', () => {
    const norway = setup('Norway');
    norway.choose('By delegation');
    expect(norway.views.toggle.querySelector<HTMLSelectElement>('.view-delegation')!.value).toBe('Norway');
    expect(norway.paragraphTexts()[1]).toBe('Urges all Member States to act [fully – Norway];');
    norway.views.destroy();
    const chile = setup('Chile');
    chile.choose('By delegation');
    expect(chile.views.toggle.querySelector<HTMLSelectElement>('.view-delegation')!.value).toBe('Japan');
    chile.views.destroy();
  });

  it('follows the text and the proposals as they change, redrawing at most every few hundred milliseconds', () => {
    jest.useFakeTimers();
    const { views, choose, paragraphTexts, text, store, usDelete } = setup();
    choose('Compilation text');
    text.insert(0, 'Strongly ');
    text.insert(0, 'Very ');
    expect(paragraphTexts()[1]).toBe('Urges [all – US delete; G77 retain] Member States to act [fully – Norway];');
    jest.advanceTimersByTime(VIEW_REDRAW_MS);
    expect(paragraphTexts()[1]).toBe('Very Strongly Urges [all – US delete; G77 retain] Member States to act [fully – Norway];');
    store.upsert({ ...usDelete, status: 'withdrawn', updatedAt: '2026-12-01T00:00:00Z' });
    jest.advanceTimersByTime(VIEW_REDRAW_MS - 1);
    expect(paragraphTexts()[1]).toContain('US delete');
    jest.advanceTimersByTime(1);
    expect(paragraphTexts()[1]).toBe('Very Strongly Urges all Member States to act [fully – Norway];');
    views.destroy();
    text.insert(0, 'Now ');
    jest.advanceTimersByTime(VIEW_REDRAW_MS);
    expect(paragraphTexts()[1]).toBe('Very Strongly Urges all Member States to act [fully – Norway];');
  });
});
