/** @jest-environment jsdom */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { resolutionKeymap } from '../../../client/editor/keymap';
import { draftDoc, ops } from '../shared/draftFixture';
import { withCursor } from './editorState';

function setup() {
  const doc = draftDoc({ operative: ops('Urges Member States;', 'Requests the Secretariat;') });
  const view = new EditorView(document.body.appendChild(document.createElement('div')), {
    state: withCursor(EditorState.create({ doc, plugins: resolutionKeymap() }), 'Requests'),
  });
  /** Presses a key in the editor; true when the editor took it (the browser's default is prevented). */
  const press = (key: string, init: KeyboardEventInit = {}) =>
    !view.dom.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  const levels = () => {
    const found: number[] = [];
    view.state.doc.descendants((node) => {
      if (node.type.name === 'operative_paragraph') found.push(node.attrs.level as number);
    });
    return found;
  };
  return { view, press, levels };
}

describe('the way out of the editor: Escape, then Tab', () => {
  it('keeps Tab for sub-paragraph levels until Escape, then leaves Tab and Shift-Tab to the browser', () => {
    const { view, press, levels } = setup();
    expect(press('Tab')).toBe(true);
    expect(levels()).toEqual([0, 1]);
    expect(press('Escape')).toBe(false);
    expect(press('Tab')).toBe(false);
    expect(press('Tab', { shiftKey: true })).toBe(false);
    expect(levels()).toEqual([0, 1]);
    view.destroy();
  });

  it('gives Tab back to the levels after any other key', () => {
    const { view, press, levels } = setup();
    press('Escape');
    press('ArrowLeft');
    expect(press('Tab', { shiftKey: true })).toBe(true);
    expect(levels()).toEqual([0, 0]);
    view.destroy();
  });
});
