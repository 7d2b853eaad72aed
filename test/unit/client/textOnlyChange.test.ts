/** @jest-environment jsdom */
import { EditorState } from 'prosemirror-state';
import type { Decoration, DecorationSet } from 'prosemirror-view';
import { numberingPlugin } from '../../../client/editor/plugins/numberingPlugin';
import { paragraphStatusKey, paragraphStatusPlugin } from '../../../client/editor/plugins/paragraphStatusPlugin';
import { stableLabelsPlugin } from '../../../client/editor/plugins/stableLabelsPlugin';
import { textOnlyChange } from '../../../client/editor/plugins/textOnlyChange';
import * as numbering from '../../../shared/numbering';
import { draftDoc, ops } from '../shared/draftFixture';
import { posOf, stateOf } from './editorState';
import { paragraphView } from './paragraphViews';

const DRAFT = draftDoc({ preambular: ['Recalling one,'], operative: ops('Urges States;', 'Requests the Secretariat;') });
const withIds = stateOf(DRAFT).apply(stateOf(DRAFT).tr);

describe('textOnlyChange', () => {
  const state = withIds;
  it('holds for typing and erasing inside a paragraph', () => {
    expect(textOnlyChange(state.tr.insertText('All ', posOf(state.doc, 'States')))).toBe(true);
    expect(textOnlyChange(state.tr.delete(posOf(state.doc, 'States'), posOf(state.doc, 'States', 6)))).toBe(true);
  });

  it('fails for a split, a join, a changed paragraph kind or level, and a whole-document replace (Yjs)', () => {
    expect(textOnlyChange(state.tr.split(posOf(state.doc, 'States')))).toBe(false);
    expect(textOnlyChange(state.tr.delete(posOf(state.doc, 'States;', 7), posOf(state.doc, 'Requests')))).toBe(false);
    const op = posOf(state.doc, 'Urges') - 1;
    expect(textOnlyChange(state.tr.setNodeMarkup(op, undefined, { ...state.doc.nodeAt(op)!.attrs, level: 1 }))).toBe(false);
    expect(textOnlyChange(state.tr.replaceWith(0, state.doc.content.size, state.doc.content))).toBe(false);
  });
});

describe('the paragraph status, label and number marks while someone types', () => {
  const ids = numbering.numberParagraphs(withIds.doc).map((label) => label.id!);
  const opened = () => {
    const state = EditorState.create({ doc: withIds.doc, plugins: [paragraphStatusPlugin({ headingLocked: false }), stableLabelsPlugin(), numberingPlugin()] });
    return state.apply(state.tr.setMeta(paragraphStatusKey, { paragraphs: [paragraphView(ids[1], 'OP1', 'informals')] }));
  };
  const marks = (state: EditorState) =>
    state.plugins.flatMap((plugin) => (plugin.props.decorations?.call(plugin, state) as DecorationSet | undefined)?.find().map((d: Decoration) => `${d.from}-${d.to}`) ?? []);

  it('are moved, not drawn again, when only text changed; drawn again when paragraphs change', () => {
    const state = opened();
    const drawn = jest.spyOn(numbering, 'numberParagraphs');
    const typed = state.apply(state.tr.insertText('All ', posOf(state.doc, 'Recalling')));
    expect(drawn).not.toHaveBeenCalled();
    const fresh = EditorState.create({ doc: typed.doc, plugins: state.plugins });
    expect(marks(typed)).toEqual(marks(fresh.apply(fresh.tr.setMeta(paragraphStatusKey, { paragraphs: [paragraphView(ids[1], 'OP1', 'informals')] }))));

    typed.apply(typed.tr.split(posOf(typed.doc, 'States')));
    expect(drawn).toHaveBeenCalled();
    drawn.mockRestore();
  });
});
