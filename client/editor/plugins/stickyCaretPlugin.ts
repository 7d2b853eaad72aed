import { Plugin, PluginKey, TextSelection, type EditorState, type Selection, type Transaction } from 'prosemirror-state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { isRemoteChange } from '../isRemoteChange';
import { listeningToBinding, yBinding, type Binding } from '../yBinding';

/** The local selection as Yjs positions, each tied to the character on the selection's inner side. */
interface StickySelection {
  anchor: Y.RelativePosition;
  head: Y.RelativePosition;
}

/**
 * Keeps the caret where its delegation is typing when another delegation types at the same spot.
 *
 * After a remote change y-prosemirror puts the selection back from Yjs positions tied to the
 * character on their right, so text inserted at the caret lands before it and pushes it along:
 * two delegations typing at one spot alternate letters ("UFrugretnhtelry"). This plugin records
 * the selection before each remote Yjs transaction with the caret and a selection's end tied to
 * the character before them (a selection's start stays tied to the character after it) and puts
 * it back after y-prosemirror's. Text inserted at the caret then goes after it, as in Google Docs,
 * and text inserted at a selection's edge stays outside, so typing over the selection spares it.
 */
export function stickyCaretPlugin(): Plugin {
  // Recorded before the Yjs transactions being applied now; null between them.
  let before: StickySelection | null = null;
  return new Plugin({
    key: new PluginKey('sticky-caret'),
    view: (view) =>
      listeningToBinding(view, (binding) => {
        // Only before remote changes: during a local one ProseMirror is already ahead of Yjs.
        const record = (transaction: Y.Transaction) => {
          if (transaction.origin !== ySyncPluginKey) before ??= stickySelection(view.state, binding);
        };
        const forget = () => (before = null);
        binding.doc.on('beforeTransaction', record);
        binding.doc.on('afterAllTransactions', forget);
        return () => {
          binding.doc.off('beforeTransaction', record);
          binding.doc.off('afterAllTransactions', forget);
        };
      }),
    appendTransaction(transactions, _oldState, state) {
      const binding = yBinding(state);
      if (!before || !binding || !transactions.some(isOthersEdit)) return null;
      const selection = restore(before, state, binding);
      return selection && !selection.eq(state.selection) ? state.tr.setSelection(selection) : null;
    },
  });
}

/** A remote change other than the user's own undo or redo, which restores its own selection. */
function isOthersEdit(tr: Transaction): boolean {
  return isRemoteChange(tr) && !tr.getMeta(ySyncPluginKey)?.isUndoRedoOperation;
}

function stickySelection(state: EditorState, binding: Binding): StickySelection | null {
  const { selection } = state;
  if (!(selection instanceof TextSelection)) return null;
  // A caret is its own end, so it is tied to the character before it.
  const at = (pos: number) => stickyPosition(binding, pos, pos === selection.to ? 'before' : 'after');
  return { anchor: at(selection.anchor), head: at(selection.head) };
}

/** The Yjs position of `pos`, tied to the character before or after it. */
function stickyPosition(binding: Binding, pos: number, tiedTo: 'before' | 'after'): Y.RelativePosition {
  const tiedAfter = absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never) as Y.RelativePosition;
  if (tiedTo === 'after') return tiedAfter;
  const inText = Y.createAbsolutePositionFromRelativePosition(tiedAfter, binding.doc);
  // Outside text (an empty paragraph) there is no character to tie to.
  if (!inText || !(inText.type instanceof Y.XmlText)) return tiedAfter;
  return Y.createRelativePositionFromTypeIndex(inText.type, inText.index, -1);
}

function restore(sticky: StickySelection, state: EditorState, binding: Binding): Selection | null {
  const resolve = (relative: Y.RelativePosition) =>
    relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping as never);
  const anchor = resolve(sticky.anchor);
  const head = resolve(sticky.head);
  const size = state.doc.content.size;
  if (anchor === null || head === null || anchor > size || head > size) return null;
  return TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head));
}
