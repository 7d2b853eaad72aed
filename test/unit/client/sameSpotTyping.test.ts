/** @jest-environment jsdom */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { insertOperativeParagraph } from '../../../client/editor/commands/insertParagraph';
import { twoDelegations } from './collabEditors';
import { posOf, withCursor } from './editorState';

/** One keystroke: the character replaces the selection, as typing does. */
function press(view: EditorView, char: string) {
  view.dispatch(view.state.tr.insertText(char));
}

function select(view: EditorView, from: number, to = from) {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
}

function caretBefore(view: EditorView, text: string) {
  select(view, posOf(view.state.doc, text));
}

/** The text of the operative paragraph that ends with `ending`. */
function paragraphEndingWith(view: EditorView, ending: string): string {
  let found = '';
  view.state.doc.descendants((node) => {
    if (node.isTextblock && node.textContent.endsWith(ending)) found = node.textContent;
    return !found;
  });
  return found;
}

const URGENTLY = 'Urgently ';
const FURTHER = 'Further ';

describe('two delegations typing at the same spot', () => {
  it('keep their words whole when each keystroke reaches the other before the next', () => {
    const { a, b, destroy } = twoDelegations();
    caretBefore(a, 'Decides');
    caretBefore(b, 'Decides');
    for (let i = 0; i < URGENTLY.length; i++) {
      press(a, URGENTLY[i]);
      if (i < FURTHER.length) press(b, FURTHER[i]);
    }
    const text = paragraphEndingWith(a, 'Decides.');
    expect([`${URGENTLY}${FURTHER}Decides.`, `${FURTHER}${URGENTLY}Decides.`]).toContain(text);
    expect(paragraphEndingWith(b, 'Decides.')).toBe(text);
    destroy();
  });

  // Yjs orders concurrent insertions at one spot by client id (lower first), so either word may come first.
  it.each([
    [[1, 2], `${URGENTLY}${FURTHER}Decides.`],
    [[2, 1], `${FURTHER}${URGENTLY}Decides.`],
  ] as const)('keep their words whole when keystrokes cross (client ids %j)', (clientIds, expected) => {
    const { a, b, deliver, destroy } = twoDelegations({ immediate: false, clientIds: [...clientIds] });
    caretBefore(a, 'Decides');
    caretBefore(b, 'Decides');
    for (let i = 0; i < URGENTLY.length; i++) {
      press(a, URGENTLY[i]);
      if (i < FURTHER.length) press(b, FURTHER[i]);
      deliver();
    }
    expect(paragraphEndingWith(a, 'Decides.')).toBe(expected);
    expect(paragraphEndingWith(b, 'Decides.')).toBe(expected);
    destroy();
  });

  it.each([[[1, 2]], [[2, 1]]] as const)('keep their words whole in a paragraph just created (client ids %j)', (clientIds) => {
    const { a, b, deliver, destroy } = twoDelegations({ immediate: false, clientIds: [...clientIds] });
    a.updateState(withCursor(a.state, 'Urges'));
    insertOperativeParagraph(a.state, a.dispatch);
    deliver();
    const empty = a.state.selection.from;
    select(b, empty);
    for (let i = 0; i < URGENTLY.length; i++) {
      press(a, URGENTLY[i]);
      if (i < FURTHER.length) press(b, FURTHER[i]);
      deliver();
    }
    const text = a.state.doc.resolve(empty).parent.textContent;
    expect([URGENTLY + FURTHER, FURTHER + URGENTLY]).toContain(text);
    expect(b.state.doc.resolve(empty).parent.textContent).toBe(text);
    destroy();
  });

  it('keep the caret before a word the other delegation types at it', () => {
    const { a, b, destroy } = twoDelegations();
    caretBefore(a, 'Decides');
    caretBefore(b, 'Decides');
    for (const char of FURTHER) press(b, char);
    expect(a.state.selection.from).toBe(posOf(a.state.doc, FURTHER));
    destroy();
  });

  it('leave out of a selection the words the other delegation types at its edges', () => {
    const { a, b, destroy } = twoDelegations();
    const requests = posOf(a.state.doc, 'Requests');
    select(a, requests, requests + 'Requests'.length);
    caretBefore(b, 'Requests');
    for (const char of 'Kindly ') press(b, char);
    select(b, posOf(b.state.doc, 'Requests', 'Requests'.length));
    for (const char of ' also') press(b, char);
    expect(a.state.doc.textBetween(a.state.selection.from, a.state.selection.to)).toBe('Requests');
    for (const char of 'Asks') press(a, char);
    expect(b.state.doc.textContent).toContain('Kindly Asks also;');
    destroy();
  });
});

describe('undo and redo', () => {
  it('leave the caret after the words they put back, as y-prosemirror does', () => {
    const { a, destroy } = twoDelegations();
    caretBefore(a, 'Requests');
    for (const char of 'Kindly ') press(a, char);
    expect(undoCommand(a.state, a.dispatch)).toBe(true);
    expect(redoCommand(a.state, a.dispatch)).toBe(true);
    expect(a.state.selection.from).toBe(posOf(a.state.doc, 'Requests'));
    destroy();
  });
});
