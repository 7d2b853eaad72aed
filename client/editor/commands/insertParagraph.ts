import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { childPos, isIn, sectionOf } from './sections';

/** Inserts an empty paragraph at `pos` and puts the cursor in it; its id comes from the stable-id plugin. */
function insertAndEnter(state: EditorState, pos: number, node: PMNode): Transaction {
  const tr = state.tr.insert(pos, node);
  return tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView();
}

/** A new preambular paragraph after the one the cursor is in, or at the end of the preamble. */
export const insertPreambularParagraph: Command = (state, dispatch) => {
  const preamble = sectionOf(state.doc, 'preamble');
  if (!preamble) return false;
  const { $from } = state.selection;
  const pos = isIn($from, 'preamble') && $from.depth >= 2 ? $from.after(2) : preamble.pos + preamble.node.nodeSize - 1;
  dispatch?.(insertAndEnter(state, pos, state.schema.nodes.preambular_paragraph.create()));
  return true;
};

/**
 * A new operative paragraph after the one the cursor is in (after its
 * sub-paragraphs too), or at the end of the operative part. The paragraphs
 * after it renumber by themselves.
 */
export const insertOperativeParagraph: Command = (state, dispatch) => {
  const operative = sectionOf(state.doc, 'operative');
  if (!operative) return false;
  const { $from } = state.selection;
  let index = operative.node.childCount;
  if (isIn($from, 'operative') && $from.depth >= 2) {
    index = $from.index(1) + 1;
    while (index < operative.node.childCount && (operative.node.child(index).attrs.level as number) > 0) index++;
  }
  const node = state.schema.nodes.operative_paragraph.create({ level: 0 });
  dispatch?.(insertAndEnter(state, childPos(operative, index), node));
  return true;
};
