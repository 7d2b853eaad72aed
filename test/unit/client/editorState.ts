import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { stableIdsPlugin } from '../../../client/editor/plugins/stableIdsPlugin';
import { numberParagraphs } from '../../../shared/numbering';

/** An editor state over `doc` with the stable-id plugin, as in the real editor. */
export function stateOf(doc: PMNode): EditorState {
  return EditorState.create({ doc, plugins: [stableIdsPlugin()] });
}

/** Position just before `text` (or `offset` characters into it) in the first textblock containing it. */
export function posOf(doc: PMNode, text: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock) {
      const at = node.textContent.indexOf(text);
      if (at >= 0) found = pos + 1 + at + offset;
      return false;
    }
    return true;
  });
  if (found < 0) throw new Error(`"${text}" is not in the document`);
  return found;
}

export function withCursor(state: EditorState, text: string, offset = 0): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOf(state.doc, text, offset))));
}

export function withSelection(state: EditorState, fromText: string, toText: string): EditorState {
  const from = posOf(state.doc, fromText);
  const to = posOf(state.doc, toText, toText.length);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

/** Runs a command; returns the new state, or null when the command did not apply. */
export function run(state: EditorState, command: Command): EditorState | null {
  let next: EditorState | null = null;
  const applied = command(state, (tr) => (next = state.apply(tr)));
  return applied ? (next ?? state) : null;
}

/** The operative part as [printed number, level, text], the way a reader sees it. */
export function operativeOutline(doc: PMNode): Array<[string, number, string]> {
  return numberParagraphs(doc)
    .filter((label) => label.kind === 'op')
    .map((label) => [label.printed, label.level, doc.nodeAt(label.pos)?.textContent ?? '']);
}

export function allIds(doc: PMNode): Array<string | null> {
  return numberParagraphs(doc).map((label) => label.id);
}
