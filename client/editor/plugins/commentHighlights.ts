import { keydownHandler } from 'prosemirror-keymap';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { isRemoteChange } from '../isRemoteChange';
import type { CommentThread } from '../../../shared/comments';
import { anchorRangeInEditor } from '../../comments/commentAnchor';

interface HighlightState {
  threads: CommentThread[];
  activeId: string | null;
  decorations: DecorationSet;
}

/** Meta for a transaction that changes which threads are shown or which one is active. */
export interface HighlightUpdate {
  threads?: CommentThread[];
  activeId?: string | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

export interface CommentHighlightsOptions {
  /** Mod-Alt-m: the reader wants to comment on the selection. */
  onCommentKey: () => void;
  /** A highlight or a margin count was clicked. */
  onThreadClick: (threadId: string) => void;
}

/**
 * Highlights the words each open thread is attached to and counts threads per paragraph
 * in the margin. Ranges are resolved again on every transaction from the anchors' Yjs
 * relative positions, so they follow the words however others edit around them.
 */
export function commentHighlightsPlugin(options: CommentHighlightsOptions): Plugin<HighlightState> {
  const keys = keydownHandler({ 'Mod-Alt-m': () => (options.onCommentKey(), true) });
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_, state) => ({ threads: [], activeId: null, decorations: build(state, [], null) }),
      apply(tr, value, _old, state) {
        const update = tr.getMeta(commentHighlightsKey) as HighlightUpdate | undefined;
        const threads = update?.threads ?? value.threads;
        const activeId = update?.activeId !== undefined ? update.activeId : value.activeId;
        // A local edit reaches Yjs only after this transaction is applied, so the anchors would
        // resolve against stale text: map the ranges instead. Changes that came from Yjs, and
        // everything else, resolve the anchors again.
        // Cursor moves and remote cursors change nothing here: keep the highlights as they are.
        if (!tr.docChanged && !update) return value;
        if (tr.docChanged && !isRemoteChange(tr) && !update) return { threads, activeId, decorations: value.decorations.map(tr.mapping, tr.doc) };
        return { threads, activeId, decorations: build(state, threads, activeId) };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleKeyDown: (view, event) => keys(view, event),
      handleClickOn(_view, _pos, _node, _nodePos, event) {
        const target = (event.target as HTMLElement).closest<HTMLElement>('[data-thread-id]');
        const id = target?.dataset.threadId;
        if (id) options.onThreadClick(id.split(' ')[0]);
        return false;
      },
    },
  });
}

function build(state: EditorState, threads: CommentThread[], activeId: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  const perParagraph = new Map<number, string[]>();
  for (const thread of threads) {
    if (thread.resolvedAt) continue;
    const range = anchorRangeInEditor(state, thread.anchor);
    if (!range) continue;
    const active = thread.id === activeId;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: active ? 'comment-highlight is-active' : 'comment-highlight',
        'data-thread-id': thread.id,
      }),
    );
    const paragraphEnd = state.doc.resolve(range.from).end();
    perParagraph.set(paragraphEnd, [...(perParagraph.get(paragraphEnd) ?? []), thread.id]);
  }
  for (const [pos, ids] of perParagraph) {
    decorations.push(Decoration.widget(pos, () => countBadge(ids), { side: 1, key: `count-${ids.join(',')}`, ignoreSelection: true }));
  }
  return DecorationSet.create(state.doc, decorations);
}

function countBadge(ids: string[]): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'comment-count';
  badge.contentEditable = 'false';
  badge.dataset.threadId = ids.join(' ');
  badge.title = ids.length === 1 ? '1 comment on this paragraph' : `${ids.length} comments on this paragraph`;
  badge.textContent = String(ids.length);
  return badge;
}
