/** @jest-environment jsdom */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { displayPlugins } from '../../../client/editor/plugins/displayPlugins';
import { lintPlugin } from '../../../client/editor/plugins/lintPlugin';
import { placeholderPlugin } from '../../../client/editor/plugins/placeholderPlugin';
import { draftDoc, ops } from '../shared/draftFixture';
import { posOf } from './editorState';

function render(doc = draftDoc()): EditorView {
  const mount = document.createElement('div');
  document.body.append(mount);
  return new EditorView(mount, {
    state: EditorState.create({ doc, plugins: [...displayPlugins(), lintPlugin(), placeholderPlugin()] }),
  });
}

describe('how the editor draws a draft', () => {
  const doc = draftDoc({
    preambular: ['Deeply concerned about it,', 'Recalling without comma'],
    operative: ops('Urges States:', [1, 'To act;'], [1, 'To report'], 'Decides.'),
  });

  it('shows derived numbers and references on the paragraphs, never in the text', () => {
    const view = render(doc);
    const opEls = [...view.dom.querySelectorAll('p.op')];
    expect(opEls.map((el) => el.getAttribute('data-num'))).toEqual(['1.', '(a)', '(b)', '2.']);
    expect(opEls.map((el) => el.getAttribute('data-depth'))).toEqual(['0', '1', '1', '0']);
    expect([...view.dom.querySelectorAll('p.pp')].map((el) => el.getAttribute('data-ref'))).toEqual(['PP1', 'PP2']);
    expect(view.state.doc.textContent).not.toContain('1.');
    view.destroy();
  });

  it('renumbers when an operative paragraph is inserted', () => {
    const view = render(doc);
    const pos = posOf(view.state.doc, 'Decides') - 1;
    view.dispatch(view.state.tr.insert(pos, view.state.schema.nodes.operative_paragraph.create(null, view.state.schema.text('Invites;'))));
    const shown = [...view.dom.querySelectorAll('p.op')].map((el) => [el.getAttribute('data-num'), el.firstChild?.textContent]);
    expect(shown).toEqual([
      ['1.', 'Urges'],
      ['(a)', 'To act;'],
      ['(b)', 'To report'],
      ['2.', 'Invites'],
      ['3.', 'Decides'],
    ]);
    view.destroy();
  });

  it('sets lead words in italics on preambular and operative paragraphs only', () => {
    const view = render(doc);
    expect([...view.dom.querySelectorAll('.lead-words')].map((el) => el.textContent)).toEqual([
      'Deeply concerned', 'Recalling', 'Urges', 'Decides',
    ]);
    view.destroy();
  });

  it('flags wrong final punctuation with the expected mark', () => {
    const view = render(doc);
    const markers = [...view.dom.querySelectorAll('.lint-marker')];
    expect(markers.map((el) => el.textContent)).toEqual([',', ';']);
    expect(markers[0].getAttribute('title')).toBe('A preambular paragraph ends with a comma.');
    expect(markers[0].closest('p')?.classList.contains('has-lint')).toBe(true);
    view.destroy();
  });

  it('shows a hint in an empty paragraph', () => {
    const view = render(draftDoc({ preambular: [''], operative: ops('Decides.') }));
    expect(view.dom.querySelector('p.pp')?.getAttribute('data-placeholder')).toBe('Recalling …,');
    view.destroy();
  });
});
