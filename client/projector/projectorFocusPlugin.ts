import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { PROPOSABLE_TYPES } from '../../shared/proposalAnchors';

export const projectorFocusKey = new PluginKey<string | null>('projectorFocus');

/** Highlights paragraph `paragraphId` as the one under discussion (null: none). */
export function setProjectorFocus(tr: Transaction, paragraphId: string | null): Transaction {
  return tr.setMeta(projectorFocusKey, paragraphId);
}

/** Where the paragraph with that id starts, or -1. */
export function paragraphPos(doc: PMNode, paragraphId: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock && node.attrs.id === paragraphId) found = pos;
    return found < 0 && !node.isTextblock;
  });
  return found;
}

/** The id of the preambular or operative paragraph holding the caret; null in the heading, title or formula. */
export function caretParagraphId(state: EditorState): string | null {
  const paragraph = state.selection.$head.parent;
  return PROPOSABLE_TYPES.has(paragraph.type.name) ? ((paragraph.attrs.id as string | null) ?? null) : null;
}

/**
 * The room's projector in the text: the paragraph under discussion is highlighted, and
 * `caretParagraph` hears each time the caret moves into another paragraph.
 */
export function projectorFocusPlugin(caretParagraph: (view: EditorView, paragraphId: string | null) => void): Plugin<string | null> {
  return new Plugin<string | null>({
    key: projectorFocusKey,
    state: {
      init: () => null,
      apply: (tr, focused) => {
        const meta = tr.getMeta(projectorFocusKey) as string | null | undefined;
        return meta === undefined ? focused : meta;
      },
    },
    view: () => ({
      update(view, previous) {
        const id = caretParagraphId(view.state);
        if (id !== caretParagraphId(previous)) caretParagraph(view, id);
      },
    }),
    props: {
      decorations(state) {
        const focused = projectorFocusKey.getState(state);
        const pos = focused ? paragraphPos(state.doc, focused) : -1;
        if (pos < 0) return null;
        return DecorationSet.create(state.doc, [Decoration.node(pos, pos + state.doc.nodeAt(pos)!.nodeSize, { class: 'projector-focus' })]);
      },
    },
  });
}
