import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { PROPOSABLE_TYPES } from '../../shared/proposalAnchors';
import { isRemoteChange } from '../editor/isRemoteChange';

interface ProjectorFocusState {
  focused: string | null;
  decorations: DecorationSet;
}

export const projectorFocusKey = new PluginKey<ProjectorFocusState>('projectorFocus');

/** The paragraph highlighted as under discussion, or null. */
export function projectorFocused(state: EditorState): string | null {
  return projectorFocusKey.getState(state)?.focused ?? null;
}

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
export function projectorFocusPlugin(caretParagraph: (view: EditorView, paragraphId: string | null) => void): Plugin<ProjectorFocusState> {
  return new Plugin<ProjectorFocusState>({
    key: projectorFocusKey,
    state: {
      init: () => ({ focused: null, decorations: DecorationSet.empty }),
      apply: (tr, value, _old, state) => {
        const meta = tr.getMeta(projectorFocusKey) as string | null | undefined;
        const focused = meta === undefined ? value.focused : meta;
        if (meta === undefined && !tr.docChanged) return value;
        // A local edit keeps the paragraph's node: map. Yjs replaces the nodes it changes, and a missing paragraph may come back: find it again.
        const mapped = meta === undefined && !isRemoteChange(tr) ? value.decorations.map(tr.mapping, tr.doc) : null;
        if (mapped && mapped !== DecorationSet.empty) return { focused, decorations: mapped };
        return { focused, decorations: focusDecorations(state.doc, focused) };
      },
    },
    view: () => ({
      update(view, previous) {
        const id = caretParagraphId(view.state);
        if (id !== caretParagraphId(previous)) caretParagraph(view, id);
      },
    }),
    props: {
      decorations: (state) => projectorFocusKey.getState(state)?.decorations,
    },
  });
}

function focusDecorations(doc: PMNode, focused: string | null): DecorationSet {
  const pos = focused ? paragraphPos(doc, focused) : -1;
  if (pos < 0) return DecorationSet.empty;
  return DecorationSet.create(doc, [Decoration.node(pos, pos + doc.nodeAt(pos)!.nodeSize, { class: 'projector-focus' })]);
}
