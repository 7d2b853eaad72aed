import { chainCommands, splitBlockAs } from 'prosemirror-commands';
import { Selection, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { outdentSubParagraph } from './subParagraphLevel';

const NUMBERED_OR_LEAD = new Set(['preambular_paragraph', 'operative_paragraph']);

function caretAtStart(state: EditorState): boolean {
  const { empty, $from } = state.selection;
  return empty && $from.parent.isTextblock && $from.parentOffset === 0;
}

/** Backspace at the start of a sub-paragraph lifts it one level, as in any outline. */
export const outdentAtStart: Command = (state, dispatch) => {
  const { parent } = state.selection.$from;
  if (!caretAtStart(state) || parent.type.name !== 'operative_paragraph' || parent.attrs.level === 0) return false;
  return outdentSubParagraph(state, dispatch);
};

/** Enter in an empty sub-paragraph lifts it instead of adding another empty one. */
const outdentEmptySubParagraph: Command = (state, dispatch) =>
  state.selection.$from.parent.content.size === 0 && outdentAtStart(state, dispatch);

/**
 * Enter at the very start of a paragraph opens an empty one above it, so the
 * text below keeps its paragraph and its id (splitting would hand the text to
 * a new paragraph).
 */
const openParagraphAbove: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const { parent } = $from;
  if (!caretAtStart(state) || parent.content.size === 0 || !NUMBERED_OR_LEAD.has(parent.type.name)) return false;
  const level = parent.type.name === 'operative_paragraph' ? { level: parent.attrs.level } : {};
  if (dispatch) dispatch(state.tr.insert($from.before(), parent.type.create(level)).scrollIntoView());
  return true;
};

/** Splits a paragraph; the new half of a sub-paragraph stays at its level. */
const splitParagraph = splitBlockAs((node) =>
  node.type.name === 'operative_paragraph' ? { type: node.type, attrs: { level: node.attrs.level } } : null,
);

/** In one-line parts (symbol, organ, title ...), Enter moves on to the next line. */
const moveToNextTextblock: Command = (state, dispatch) => {
  const { $to } = state.selection;
  if (!$to.parent.isTextblock) return false;
  const next = Selection.findFrom(state.doc.resolve($to.after()), 1, true);
  if (!(next instanceof TextSelection)) return false;
  dispatch?.(state.tr.setSelection(next).scrollIntoView());
  return true;
};

export const enterCommand: Command = chainCommands(
  outdentEmptySubParagraph,
  openParagraphAbove,
  splitParagraph,
  moveToNextTextblock,
);
