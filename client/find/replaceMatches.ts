import type { EditorState, Transaction } from 'prosemirror-state';
import { PROPOSABLE_TYPES, rangeAnchor } from '../../shared/proposalAnchors';
import { xmlTextOf } from '../comments/commentAnchor';
import { yBinding } from '../editor/yBinding';
import type { NewProposal } from '../proposals/proposalActions';
import type { FindMatch } from './findMatches';

/** The matches replaced by `text` as one edit: one transaction, so one undo step and one update. */
export function replaceTransaction(state: EditorState, matches: readonly FindMatch[], text: string): Transaction {
  const tr = state.tr;
  // From the last to the first: earlier positions stay valid.
  for (const { from, to } of [...matches].reverse()) {
    if (text) tr.insertText(text, from, to);
    else tr.delete(from, to);
  }
  return tr;
}

/** True when no plugin refuses the transaction (agreed text, the heading for delegates): as EditorState.apply decides. */
export function acceptsTransaction(state: EditorState, tr: Transaction): boolean {
  return state.plugins.every((plugin) => !plugin.spec.filterTransaction || plugin.spec.filterTransaction.call(plugin, tr, state));
}

/**
 * The matches replaced by `text` as proposals of the person's delegation: `replace` proposals,
 * or `delete` ones for an empty replacement. Matches outside preambular and operative
 * paragraphs (the title, the heading lines) cannot be proposed on and are left out.
 */
export function replaceProposals(state: EditorState, matches: readonly FindMatch[], text: string): NewProposal[] {
  const binding = yBinding(state);
  if (!binding) return [];
  return matches.flatMap(({ from, to }) => {
    const $from = state.doc.resolve(from);
    const paragraph = $from.parent;
    const paragraphId = paragraph.attrs.id as string | null;
    const yText = PROPOSABLE_TYPES.has(paragraph.type.name) && paragraphId ? xmlTextOf(binding, paragraph) : null;
    if (!yText || !paragraphId) return [];
    const start = $from.parentOffset;
    const anchor = rangeAnchor(yText, start, start + (to - from), paragraphId);
    return [text ? { kind: 'replace' as const, anchor, text } : { kind: 'delete' as const, anchor }];
  });
}
