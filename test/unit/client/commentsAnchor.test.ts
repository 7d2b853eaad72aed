/** @jest-environment jsdom */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { anchorFromSelection, anchorRangeInEditor } from '../../../client/comments/commentAnchor';
import { createCollabEditor } from '../../../client/editor/createEditor';
import { commentHighlightsKey, commentHighlightsPlugin } from '../../../client/editor/plugins/commentHighlights';
import { resolveAnchorRange } from '../../../shared/anchors';
import type { CommentThread } from '../../../shared/comments';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { draftDoc, ops } from '../shared/draftFixture';
import { posOf } from './editorState';

function editorOn(doc: Y.Doc): EditorView {
  const view = createCollabEditor({
    mount: document.body.appendChild(document.createElement('div')),
    fragment: doc.getXmlFragment(PROSEMIRROR_FRAGMENT),
    awareness: new Awareness(doc),
    editable: true,
    toolbar: null,
  });
  const plugin = commentHighlightsPlugin({ onCommentKey: () => undefined, onThreadClick: () => undefined });
  view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins, plugin] }));
  return view;
}

function select(view: EditorView, from: number, to: number): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
}

const thread = (anchor: CommentThread['anchor']): CommentThread => ({
  id: 't1',
  draftId: 'd1',
  anchor,
  root: { id: 'c1', draftId: 'd1', threadId: 't1', authorId: 'u1', authorName: 'A', delegation: 'Kazakhstan', text: 'x', createdAt: '2026-05-20T10:00:00Z', editedAt: null, deletedAt: null },
  replies: [],
  resolvedAt: null,
  resolvedBy: null,
  visibility: 'all',
});

describe('comment anchors in the collaborative editor', () => {
  let doc: Y.Doc;
  let view: EditorView;

  beforeEach(() => {
    doc = new Y.Doc();
    prosemirrorToYXmlFragment(draftDoc({ preambular: ['Recalling,'], operative: ops('Urges Member States to act;', 'Decides.') }), doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
    view = editorOn(doc);
  });

  afterEach(() => view.destroy());

  it('makes an anchor on the selected words that resolves in the Y.Doc', () => {
    select(view, posOf(view.state.doc, 'Member'), posOf(view.state.doc, 'States', 6));
    const anchor = anchorFromSelection(view.state)!;
    expect(anchor.quote).toBe('Member States');
    expect(anchor.paragraphId).toBe(view.state.selection.$from.parent.attrs.id);
    const range = resolveAnchorRange(doc, anchor)!;
    expect(range.type.toString().slice(range.start, range.end)).toBe('Member States');
  });

  it('clips a selection running on to the paragraph where it starts', () => {
    select(view, posOf(view.state.doc, 'to act'), posOf(view.state.doc, 'Decides', 3));
    expect(anchorFromSelection(view.state)!.quote).toBe('to act;');
  });

  it('gives no anchor for an empty selection', () => {
    select(view, posOf(view.state.doc, 'Member'), posOf(view.state.doc, 'Member'));
    expect(anchorFromSelection(view.state)).toBeNull();
  });

  it('keeps highlighting the same words when text is typed before them', () => {
    select(view, posOf(view.state.doc, 'Member'), posOf(view.state.doc, 'States', 6));
    const anchor = anchorFromSelection(view.state)!;
    view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { threads: [thread(anchor)] }));
    view.dispatch(view.state.tr.insertText('Strongly ', posOf(view.state.doc, 'Urges')));
    const range = anchorRangeInEditor(view.state, anchor)!;
    expect(view.state.doc.textBetween(range.from, range.to)).toBe('Member States');
    expect([...view.dom.querySelectorAll('.comment-highlight')].map((el) => el.textContent).join('')).toBe('Member States');
    expect(view.dom.querySelector('.comment-count')?.textContent).toBe('1');
  });

  it('stops highlighting when the words are deleted', () => {
    select(view, posOf(view.state.doc, 'Member'), posOf(view.state.doc, 'States', 6));
    const anchor = anchorFromSelection(view.state)!;
    view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { threads: [thread(anchor)] }));
    view.dispatch(view.state.tr.delete(posOf(view.state.doc, 'Member'), posOf(view.state.doc, 'States', 6)));
    expect(resolveAnchorRange(doc, anchor)).toBeNull();
    expect(view.dom.querySelector('.comment-highlight')).toBeNull();
  });
});
