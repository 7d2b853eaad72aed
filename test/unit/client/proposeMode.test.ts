/** @jest-environment jsdom */
import { TextSelection } from 'prosemirror-state';
import * as Y from 'yjs';
import { editingMode } from '../../../client/editor/plugins/proposeModePlugin';
import { NOTICE_BLANK, SEND_INTERVAL_MS } from '../../../client/proposals/proposalDrafts';
import { resolveProposalAnchor } from '../../../shared/proposalAnchors';
import type { ProposalAnchor, ProposalView } from '../../../shared/proposals';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { posOf } from './editorState';
import { proposalFrom, proposeHarness } from './proposeHarness';

type Harness = ReturnType<typeof proposeHarness>;

/** The words an anchor covers in the Y.Doc now ("" for a point), and the paragraph text it is in. */
function covered(h: Harness, anchor: unknown): string {
  const resolved = resolveProposalAnchor(h.doc, anchor as ProposalAnchor)!;
  return resolved.text.toString().slice(resolved.start, resolved.end);
}

function proposing(h: Harness): Harness {
  h.lists.shift()?.([]);
  h.button('Propose')!.click();
  return h;
}

const original = 'E/CN.15/2026/L.9';

describe('Propose mode', () => {
  let h: Harness;
  afterEach(() => h.destroy());

  it('turns typing at a point into an insert, shown at once, and leaves the text alone', () => {
    h = proposing(proposeHarness());
    const before = h.text();
    h.caret('Member');
    h.type('all ');
    expect(h.text()).toBe(before);
    const [create, ...rest] = h.socket.take();
    expect(rest).toEqual([]);
    expect(create.event).toBe('proposal:create');
    expect(create.payload).toMatchObject({ draftId: 'd1', kind: 'insert', text: 'a' });
    const anchor = create.payload.anchor as ProposalAnchor;
    expect(anchor.start).toBe(anchor.end);
    const point = resolveProposalAnchor(h.doc, anchor)!;
    expect(point.text.toString().slice(point.start)).toMatch(/^Member States/);
    // Every keystroke shows before the server has answered.
    expect(h.view.dom.querySelector('ins.proposal-inserted')?.textContent).toBe('all ');
    expect(h.view.dom.textContent).toContain('Urges all Member States');
  });

  it('coalesces keystrokes on its own insert: one create, then one edit with the whole text', async () => {
    jest.useFakeTimers();
    try {
      h = proposing(proposeHarness());
      h.caret('Member');
      h.type('f');
      const [create] = h.socket.take();
      h.type('ully');
      expect(h.socket.take()).toEqual([]);
      create.answer(proposalFrom(create.payload));
      await h.settle();
      h.type(' ');
      expect(h.socket.take()).toEqual([]);
      jest.advanceTimersByTime(SEND_INTERVAL_MS);
      const sent = h.socket.take();
      expect(sent.map((s) => [s.event, s.payload.text])).toEqual([['proposal:edit', 'fully ']]);
      expect(h.view.dom.querySelector('ins.proposal-inserted')?.textContent).toBe('fully ');
    } finally {
      jest.useRealTimers();
    }
  });

  it('loses no keystroke typed between the room hearing of a new proposal and the answer to its creator', async () => {
    jest.useFakeTimers();
    try {
      h = proposing(proposeHarness());
      await h.settle();
      h.caret('Member');
      h.type('f');
      const [create] = h.socket.take();
      h.type('u');
      // The server announces the proposal to the room, its creator included, before it answers the creator.
      const made = proposalFrom(create.payload);
      h.socket.broadcast('proposal:created', made);
      await h.settle();
      h.type('l');
      create.answer(made);
      await h.settle();
      h.type('ly');
      jest.advanceTimersByTime(SEND_INTERVAL_MS);
      expect(h.socket.take().map((s) => [s.event, s.payload.text])).toEqual([['proposal:edit', 'fully']]);
      expect([...h.view.dom.querySelectorAll('ins.proposal-inserted')].map((ins) => ins.textContent)).toEqual(['fully']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stays within the socket event budget (5 a second) while someone types 10 characters a second', async () => {
    jest.useFakeTimers();
    try {
      h = proposing(proposeHarness());
      h.caret('Member');
      const sentence = 'in accordance with their national legislation ';
      let events = 0;
      let made = null as ProposalView | null;
      for (const [i, character] of [...sentence].entries()) {
        h.type(character);
        jest.advanceTimersByTime(100);
        for (const sent of h.socket.take()) {
          events += 1;
          made = made ? { ...made, text: String(sent.payload.text), updatedAt: `2026-05-20T12:00:${String(i).padStart(2, '0')}.000Z` } : proposalFrom(sent.payload);
          sent.answer(made);
        }
        await h.settle();
      }
      h.caret('Decides');
      expect(h.socket.take().map((sent) => sent.payload.text)).toEqual([sentence]);
      const seconds = sentence.length / 10;
      expect(events).toBeLessThanOrEqual(1 + Math.ceil((seconds * 1000) / SEND_INTERVAL_MS));
      expect(events / seconds).toBeLessThan(5);
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends typed-on words when the caret moves away, without waiting', async () => {
    h = proposing(proposeHarness());
    h.caret('Member');
    h.type('a');
    const [create] = h.socket.take();
    create.answer(proposalFrom(create.payload));
    await h.settle();
    h.type('ll');
    expect(h.socket.take()).toEqual([]);
    h.caret('Decides');
    expect(h.socket.take().map((s) => [s.event, s.payload.text])).toEqual([['proposal:edit', 'all']]);
  });

  it('takes typed characters at the key press, before the browser puts them into the page', () => {
    h = proposing(proposeHarness());
    h.caret('Member');
    for (const character of 'all') {
      const event = new KeyboardEvent('keypress', { key: character, charCode: character.charCodeAt(0), bubbles: true, cancelable: true });
      h.view.dom.dispatchEvent(event);
      expect(event.defaultPrevented).toBe(true);
    }
    const [create, ...rest] = h.socket.take();
    expect(rest).toEqual([]);
    expect(create.payload).toMatchObject({ kind: 'insert', text: 'a' });
    expect(h.view.dom.querySelector('ins.proposal-inserted')?.textContent).toBe('all');
  });

  it('holds an insert that starts with a space until its first word, then sends it whole (blank wording is refused)', () => {
    h = proposing(proposeHarness());
    h.caret('Member');
    h.type(' ');
    expect(h.socket.take()).toEqual([]);
    expect(h.view.dom.querySelector('ins.proposal-inserted')?.textContent).toBe(' ');
    h.type('s');
    const [create, ...rest] = h.socket.take();
    expect(rest).toEqual([]);
    expect(create.payload).toMatchObject({ kind: 'insert', text: ' s' });
    expect(covered(h, create.payload.anchor)).toBe('');
    expect(h.view.dom.querySelector('ins.proposal-inserted')?.textContent).toBe(' s');
  });

  it('holds a replacement typed as a space first, and drops blank words when the caret moves on', () => {
    h = proposing(proposeHarness());
    h.selectWords('Urges', 'Urges');
    h.type(' ');
    expect(h.socket.take()).toEqual([]);
    h.type('E');
    const [create] = h.socket.take();
    expect(create.payload).toMatchObject({ kind: 'replace', text: ' E' });
    expect(covered(h, create.payload.anchor)).toBe('Urges');

    h.caret('Decides');
    h.type(' ');
    h.caret('Member');
    expect(h.socket.take()).toEqual([]);
    expect([...h.view.dom.querySelectorAll('ins.proposal-inserted')].map((el) => el.textContent)).toEqual([' E']);
  });

  it('says why blank words typed in Propose mode made no proposal once the caret moves on', () => {
    h = proposing(proposeHarness());
    h.caret('Decides');
    h.type('  ');
    expect(h.notice()).toBe('');
    h.caret('Member');
    expect(h.socket.take()).toEqual([]);
    expect(h.notice()).toBe(NOTICE_BLANK);
    // Words typed later clear it.
    h.type('all');
    expect(h.notice()).toBe('');
  });

  it('extends the delegation’s own pending insert made earlier (from the store), not another delegation’s', () => {
    h = proposeHarness();
    const ownAnchor = h.anchorOn('Member', true);
    const own = proposalFrom({ kind: 'insert', anchor: ownAnchor, text: 'all' });
    const theirs = proposalFrom({ kind: 'insert', anchor: ownAnchor, text: 'some' }, { delegation: 'Norway' });
    proposing(h);
    h.socket.broadcast('proposal:created', own);
    h.socket.broadcast('proposal:created', theirs);
    h.caret('Member');
    h.type('!');
    h.caret('Decides');
    expect(h.socket.take().map((s) => [s.event, s.payload.proposalId, s.payload.text])).toEqual([['proposal:edit', own.id, 'all!']]);
  });

  it('turns typing over a selection into a replace, and typing on extends the replacement', () => {
    h = proposing(proposeHarness());
    h.selectWords('Urges', 'Urges');
    h.type('Encourages');
    const [create, ...rest] = h.socket.take();
    expect(rest).toEqual([]);
    expect(create.payload).toMatchObject({ kind: 'replace', text: 'E' });
    expect(covered(h, create.payload.anchor)).toBe('Urges');
    expect((create.payload.anchor as ProposalAnchor).quote).toBe('Urges');
    expect(h.view.dom.querySelector('del.proposal-struck')?.textContent).toBe('Urges');
    expect(h.view.dom.querySelector('ins.proposal-inserted')?.textContent).toBe('Encourages');
    expect(h.text()).toContain('Urges Member States');
  });

  it('takes text an input method or autocorrect puts over a range as a replace of that range', () => {
    h = proposing(proposeHarness());
    h.caret('Decides');
    const from = posOf(h.view.state.doc, 'Urges');
    const to = from + 'Urges'.length;
    h.view.someProp('handleTextInput', (f) => f(h.view, from, to, 'Encourages', () => h.view.state.tr));
    const [create] = h.socket.take();
    expect(create.payload).toMatchObject({ kind: 'replace', text: 'Encourages' });
    expect(covered(h, create.payload.anchor)).toBe('Urges');
  });

  it('pastes over a selection as a replace, line breaks becoming spaces', () => {
    h = proposing(proposeHarness());
    h.selectWords('Member', 'States');
    h.paste('all States\nand regional organizations');
    const [create] = h.socket.take();
    expect(create.payload).toMatchObject({ kind: 'replace', text: 'all States and regional organizations' });
    expect(covered(h, create.payload.anchor)).toBe('Member States');
  });

  it('turns Backspace into a delete, and consecutive Backspaces extend that delete', async () => {
    h = proposing(proposeHarness());
    h.caret('to act', 2);
    h.press('Backspace');
    const [create] = h.socket.take();
    expect(create.payload.kind).toBe('delete');
    expect(covered(h, create.payload.anchor)).toBe('o');
    create.answer(proposalFrom(create.payload));
    await h.settle();
    h.press('Backspace');
    h.press('Backspace');
    h.caret('Decides');
    const [edit, ...rest] = h.socket.take();
    expect(rest).toEqual([]);
    expect(edit.event).toBe('proposal:edit');
    expect(covered(h, edit.payload.anchor)).toBe(' to');
    expect(h.view.dom.querySelector('del.proposal-struck')?.textContent).toBe(' to');
    expect(h.text()).toContain('States to act;');
  });

  it('stretches its own pending delete from either edge, whichever key erases', async () => {
    h = proposing(proposeHarness());
    h.caret('to act', 2);
    h.press('Delete');
    const [create] = h.socket.take();
    expect(covered(h, create.payload.anchor)).toBe(' ');
    create.answer(proposalFrom(create.payload));
    await h.settle();
    // The caret is now after the struck space: Backspace takes the "o" before the deletion too.
    h.press('Backspace');
    h.press('Delete');
    h.caret('Decides');
    const [edit, ...rest] = h.socket.take();
    expect(rest).toEqual([]);
    expect(covered(h, edit.payload.anchor)).toBe('o a');
  });

  it('turns Delete into a delete of the next character, and deleting a selection into a delete of it', () => {
    h = proposing(proposeHarness());
    h.caret('act');
    h.press('Delete');
    expect(covered(h, h.socket.take()[0].payload.anchor)).toBe('a');
    h.selectWords('Member', 'States');
    h.press('Backspace');
    const [create] = h.socket.take();
    expect(create.payload.kind).toBe('delete');
    expect(covered(h, create.payload.anchor)).toBe('Member States');
  });

  it('copies the words cut and proposes their deletion', async () => {
    h = proposing(proposeHarness());
    h.selectWords('Member', 'States');
    const copied = new Map<string, string>();
    const event = new Event('cut', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', { value: { clearData: () => copied.clear(), setData: (type: string, value: string) => copied.set(type, value) } });
    h.view.dom.dispatchEvent(event);
    await h.settle();
    expect(copied.get('text/plain')).toBe('Member States');
    const [create, ...rest] = h.socket.take();
    expect(rest).toEqual([]);
    expect(create.payload.kind).toBe('delete');
    expect(covered(h, create.payload.anchor)).toBe('Member States');
    expect(h.text()).toContain('Urges Member States');
  });

  it('shortens its own pending insert on Backspace at its end, and withdraws it once empty', async () => {
    h = proposing(proposeHarness());
    h.caret('Member');
    h.type('al');
    const [create] = h.socket.take();
    const created = proposalFrom({ ...create.payload, text: 'al' });
    create.answer(created);
    await h.settle();
    h.press('Backspace');
    expect(h.view.dom.querySelector('ins.proposal-inserted')?.textContent).toBe('a');
    h.press('Backspace');
    expect(h.view.dom.querySelector('ins.proposal-inserted')).toBeNull();
    const sent = h.socket.take();
    expect(sent.map((s) => [s.event, s.payload.proposalId])).toEqual([['proposal:withdraw', created.id]]);
    expect(h.text()).toContain('Urges Member States');
  });

  it('withdraws an insert erased before the server made it, once it is made', async () => {
    h = proposing(proposeHarness());
    h.caret('Member');
    h.type('a');
    h.press('Backspace');
    expect(h.view.dom.querySelector('ins.proposal-inserted')).toBeNull();
    const [create, ...rest] = h.socket.take();
    expect(rest).toEqual([]);
    const created = proposalFrom(create.payload);
    create.answer(created);
    await h.settle();
    expect(h.socket.take().map((s) => [s.event, s.payload.proposalId])).toEqual([['proposal:withdraw', created.id]]);
  });

  it('turns a replacement erased to nothing into the deletion it now is', async () => {
    h = proposing(proposeHarness());
    h.selectWords('Urges', 'Urges');
    h.type('E');
    const [create] = h.socket.take();
    const created = proposalFrom(create.payload);
    create.answer(created);
    await h.settle();
    h.press('Backspace');
    const [withdraw, deletion, ...rest] = h.socket.take();
    expect(rest).toEqual([]);
    expect([withdraw.event, withdraw.payload.proposalId]).toEqual(['proposal:withdraw', created.id]);
    expect(deletion.payload.kind).toBe('delete');
    expect(covered(h, deletion.payload.anchor)).toBe('Urges');
  });

  it('refuses a selection over two paragraphs with a notice, and sends nothing', () => {
    h = proposing(proposeHarness());
    h.selectWords('to act', 'Decides');
    const before = h.text();
    h.type('x');
    h.press('Backspace');
    expect(h.socket.take()).toEqual([]);
    expect(h.notice()).toBe('Propose changes one paragraph at a time');
    expect(h.text()).toBe(before);
  });

  it('refuses proposals on the heading and title lines', () => {
    h = proposing(proposeHarness());
    h.caret(original);
    h.type('x');
    expect(h.socket.take()).toEqual([]);
    expect(h.notice()).toBe('Proposals apply to preambular and operative paragraphs');
  });

  it('says how to propose wording for an empty paragraph, which has no text to anchor in', () => {
    h = proposing(proposeHarness({ operative: ['Urges Member States to act;', ''] }));
    let emptyAt = -1;
    h.view.state.doc.descendants((node, pos) => {
      if (node.type.name === 'operative_paragraph' && node.content.size === 0) emptyAt = pos + 1;
    });
    h.view.dispatch(h.view.state.tr.setSelection(TextSelection.create(h.view.state.doc, emptyAt)));
    h.type('x');
    expect(h.socket.take()).toEqual([]);
    expect(h.notice()).toBe('This paragraph is empty: propose its wording with "Propose alternative wording"');
  });

  it('does not split a paragraph on Enter', () => {
    h = proposing(proposeHarness());
    h.caret('Member');
    const paragraphs = h.view.state.doc.content.size;
    h.press('Enter');
    expect(h.view.state.doc.content.size).toBe(paragraphs);
    expect(h.notice()).toMatch(/Enter does not split paragraphs/);
  });

  it('refuses every other local change in Propose mode (formatting, text the browser put in directly)', () => {
    h = proposing(proposeHarness());
    const before = h.view.state.doc;
    h.selectWords('Urges', 'Urges');
    h.press('b', { ctrlKey: true });
    h.view.dispatch(h.view.state.tr.insertText('x', h.view.state.selection.from));
    expect(h.view.state.doc.eq(before)).toBe(true);
    expect(h.socket.take()).toEqual([]);
  });

  it('lets changes from others through untouched', () => {
    h = proposing(proposeHarness());
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(h.doc));
    other.on('update', (update: Uint8Array) => Y.applyUpdate(h.doc, update, 'remote'));
    const operative = other.getXmlFragment(PROSEMIRROR_FRAGMENT).toArray().find((el) => el instanceof Y.XmlElement && el.nodeName === 'operative') as Y.XmlElement;
    const paragraph = operative.get(0) as Y.XmlElement;
    (paragraph.firstChild as Y.XmlText).insert(0, 'Strongly ');
    expect(h.text()).toContain('Strongly Urges Member States');
    other.destroy();
  });

  it('leaves Edit mode as it was: typing changes the text and makes no proposal', () => {
    h = proposeHarness();
    h.lists.shift()!([]);
    h.caret('Member');
    h.type('all ');
    expect(h.text()).toContain('Urges all Member States');
    expect(h.socket.take()).toEqual([]);
    expect(h.toolbar.hidden).toBe(false);
  });

  it('gives observers no switch and no Propose mode', () => {
    h = proposeHarness({ role: 'observer' });
    expect(h.feature.bar).toBeNull();
    expect(h.button('Propose')).toBeNull();
    expect(editingMode(h.view.state)).toBe('edit');
  });

  it('hides the drafting toolbar in Propose mode and shows the mode as pressed', () => {
    h = proposing(proposeHarness());
    expect(h.toolbar.hidden).toBe(true);
    expect(h.button('Propose')!.getAttribute('aria-pressed')).toBe('true');
    h.button('Edit')!.click();
    expect(h.toolbar.hidden).toBe(false);
    expect(editingMode(h.view.state)).toBe('edit');
  });

  it('keeps delegates of a proposals-only draft in Propose mode, and follows the facilitator’s switch', async () => {
    h = proposeHarness({ editing: 'proposals' });
    await h.settle();
    expect(editingMode(h.view.state)).toBe('propose');
    expect(h.button('Edit')!.disabled).toBe(true);
    h.button('Edit')!.click();
    expect(editingMode(h.view.state)).toBe('propose');
    h.socket.broadcast('draft:editing', { draftId: 'other', editing: 'direct' });
    expect(editingMode(h.view.state)).toBe('propose');
    h.socket.broadcast('draft:editing', { draftId: 'd1', editing: 'direct' });
    expect(editingMode(h.view.state)).toBe('edit');
    expect(h.button('Edit')!.disabled).toBe(false);
  });

  it('leaves facilitators free to edit directly in a proposals-only draft', async () => {
    h = proposeHarness({ role: 'facilitator', editing: 'proposals' });
    await h.settle();
    expect(editingMode(h.view.state)).toBe('edit');
  });

  it('drops words the server refused and says why', async () => {
    h = proposing(proposeHarness());
    h.caret('Member');
    h.type('x');
    h.socket.take()[0].refuse('your delegation has 200 pending proposals on this draft');
    await h.settle();
    expect(h.view.dom.querySelector('ins.proposal-inserted')).toBeNull();
    expect(h.notice()).toBe('Your delegation has 200 pending proposals on this draft.');
  });

  it('brackets the selection with the command key', () => {
    h = proposing(proposeHarness());
    h.selectWords('Member', 'States');
    h.press('b', { ctrlKey: true, altKey: true });
    const [create] = h.socket.take();
    expect(create.payload.kind).toBe('bracket');
    expect(covered(h, create.payload.anchor)).toBe('Member States');
    expect([...h.view.dom.querySelectorAll('.proposal-bracket')].map((el) => el.textContent)).toEqual(['[', ']']);
  });

  it('proposes an alternative wording and a new paragraph through their forms', async () => {
    h = proposing(proposeHarness());
    h.caret('Member');
    h.button('Alternative')!.click();
    const form = document.querySelector<HTMLFormElement>('.wording-form')!;
    expect(form.querySelector('.wording-form-heading')?.textContent).toBe('Alternative wording for OP1');
    expect(form.querySelector('textarea')!.value).toBe('Urges Member States to act;');
    form.querySelector('textarea')!.value = 'Encourages Member States to act;';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    const [alternative] = h.socket.take();
    const opId = h.view.state.selection.$from.parent.attrs.id as string;
    expect(alternative.payload).toMatchObject({ kind: 'alternative', paragraphId: opId, text: 'Encourages Member States to act;' });
    alternative.answer(proposalFrom(alternative.payload));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('.wording-form')).toBeNull();
    expect(h.view.dom.querySelector('.proposal-alternative')?.textContent).toContain('Encourages Member States to act;');

    h.caret('Recalling');
    h.press('n', { ctrlKey: true, altKey: true });
    const second = document.querySelector<HTMLFormElement>('.wording-form')!;
    expect(second.querySelector('.wording-form-heading')?.textContent).toBe('New preambular paragraph after PP1');
    second.querySelector('textarea')!.value = 'Noting with concern,';
    second.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(h.socket.take()[0].payload).toMatchObject({ kind: 'new_paragraph', paragraphType: 'preambular_paragraph', text: 'Noting with concern,' });
  });

  it("sends no blank or unchanged wording from the forms and says why; shows the server's refusal next to the wording", async () => {
    h = proposing(proposeHarness());
    h.caret('Member');
    h.button('Alternative')!.click();
    const form = document.querySelector<HTMLFormElement>('.wording-form')!;
    const wording = form.querySelector('textarea')!;
    const error = form.querySelector<HTMLElement>('[role=alert]')!;
    const submit = () => form.dispatchEvent(new Event('submit', { cancelable: true }));

    // As it stands (line breaks typed in it are spaces): nothing to propose.
    wording.value = 'Urges Member\nStates to act; ';
    submit();
    expect(h.socket.take()).toEqual([]);
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe('This is the wording as it stands: change it to propose an alternative.');
    expect(wording.getAttribute('aria-describedby')).toBe(error.id);
    expect(wording.getAttribute('aria-invalid')).toBe('true');

    wording.value = ' \n ';
    submit();
    expect(h.socket.take()).toEqual([]);
    expect(error.textContent).toBe('Type the wording you propose: a proposal cannot be empty.');
    expect(document.activeElement).toBe(wording);

    wording.value = 'Encourages Member States to act;';
    submit();
    expect(error.hidden).toBe(true);
    h.socket.take()[0].refuse('your delegation has 1 pending proposals on this draft, the most allowed; withdraw some first');
    await h.settle();
    expect(document.querySelector('.wording-form')).toBe(form);
    expect(error.hidden).toBe(false);
    expect(error.textContent).toBe('Your delegation has 1 pending proposals on this draft, the most allowed; withdraw some first.');
    expect(wording.getAttribute('aria-describedby')).toBe(error.id);
  });
});
