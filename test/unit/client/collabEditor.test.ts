/** @jest-environment jsdom */
import type { EditorView } from 'prosemirror-view';
import { prosemirrorToYXmlFragment, redoCommand, undoCommand } from 'y-prosemirror';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { insertOperativeParagraph } from '../../../client/editor/commands/insertParagraph';
import { createCollabEditor } from '../../../client/editor/createEditor';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { draftDoc } from '../shared/draftFixture';
import { twoDelegations } from './collabEditors';
import { posOf, withCursor } from './editorState';

function typeAt(view: EditorView, before: string, text: string) {
  view.dispatch(view.state.tr.insertText(text, posOf(view.state.doc, before)));
}

function numbers(view: EditorView): string[] {
  return [...view.dom.querySelectorAll('p.op')].map((el) => `${el.getAttribute('data-num')} ${el.getAttribute('data-id')}`);
}

describe('the collaborative editor', () => {
  it('shows the same text in both editors', () => {
    const { a, b, destroy } = twoDelegations();
    typeAt(a, 'Requests', 'Also ');
    expect(b.state.doc.textContent).toContain('Also Requests');
    destroy();
  });

  it('renumbers in both editors when one inserts an operative paragraph, with the same ids', () => {
    const { a, b, destroy } = twoDelegations();
    a.updateState(withCursor(a.state, 'Urges'));
    insertOperativeParagraph(a.state, a.dispatch);
    expect(numbers(a)).toHaveLength(4);
    expect(numbers(b)).toEqual(numbers(a));
    expect(numbers(b).map((n) => n.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.']);
    destroy();
  });

  it('undoes and redoes only your own changes', () => {
    const { a, b, destroy } = twoDelegations();
    typeAt(a, 'Requests', 'Kindly ');
    typeAt(b, 'Decides', 'Further ');
    expect(undoCommand(a.state, a.dispatch)).toBe(true);
    for (const view of [a, b]) {
      expect(view.state.doc.textContent).not.toContain('Kindly');
      expect(view.state.doc.textContent).toContain('Further Decides');
    }
    expect(redoCommand(a.state, a.dispatch)).toBe(true);
    expect(b.state.doc.textContent).toContain('Kindly Requests');
    destroy();
  });

  it('is read-only for observers', () => {
    const doc = new Y.Doc();
    prosemirrorToYXmlFragment(draftDoc(), doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
    const view = createCollabEditor({
      mount: document.createElement('div'),
      fragment: doc.getXmlFragment(PROSEMIRROR_FRAGMENT),
      awareness: new Awareness(doc),
      editable: false,
      toolbar: null,
    });
    expect(view.dom.getAttribute('contenteditable')).toBe('false');
    view.destroy();
  });
});
