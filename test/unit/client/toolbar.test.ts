/** @jest-environment jsdom */
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { toolbarPlugin } from '../../../client/editor/toolbar';
import { draftDoc, ops } from '../shared/draftFixture';
import { posOf } from './editorState';

function setup() {
  const toolbar = document.createElement('div');
  const view = new EditorView(document.body.appendChild(document.createElement('div')), {
    state: EditorState.create({
      doc: draftDoc({ preambular: ['Recalling,'], operative: ops('Urges;', 'Requests.') }),
      plugins: [toolbarPlugin(toolbar)],
    }),
  });
  const button = (label: string) =>
    [...toolbar.querySelectorAll('button')].find((b) => b.textContent?.includes(label)) as HTMLButtonElement;
  const place = (text: string, length = 0) => {
    const from = posOf(view.state.doc, text);
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, from + length)));
  };
  return { view, button, place };
}

describe('toolbar', () => {
  it('offers only what applies where the cursor is', () => {
    const { view, button, place } = setup();
    place('Requests');
    expect(button('Sub-paragraph').disabled).toBe(false);
    expect(button('B').disabled).toBe(false);
    place('Recalling');
    expect(button('Sub-paragraph').disabled).toBe(true);
    place('E/CN');
    expect(button('B').disabled).toBe(true);
    view.destroy();
  });

  it('runs its command and shows marks as pressed', () => {
    const { view, button, place } = setup();
    place('Requests', 'Requests'.length);
    button('B').click();
    expect(button('B').getAttribute('aria-pressed')).toBe('true');
    button('+ Operative paragraph').click();
    expect(view.state.doc.child(4).childCount).toBe(3);
    view.destroy();
  });
});
