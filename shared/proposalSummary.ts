import type { ProposalView } from './proposals';

/** Longer wording is cut in a one-line summary; the full text is on the proposal's card. */
const QUOTE_LIMIT = 80;

/**
 * What a proposal does, in words, for the activity timeline and compare attribution:
 * "replace “urges” with “encourages”", "delete “extreme”", "new operative paragraph: “…”".
 */
export function summarizeProposal(p: ProposalView): string {
  const words = quoted(p.anchor?.quote ?? '');
  const text = quoted(p.text ?? '');
  switch (p.kind) {
    case 'replace':
      return `replace ${words} with ${text}`;
    case 'insert':
      return `insert ${text}`;
    case 'delete':
      return `delete ${words}`;
    case 'bracket':
      return `bracket ${words}`;
    case 'alternative':
      return `alternative wording: ${text}`;
    case 'new_paragraph':
      return `new ${p.paragraphType === 'preambular_paragraph' ? 'preambular' : 'operative'} paragraph: ${text}`;
  }
}

function quoted(words: string): string {
  const trimmed = words.trim();
  return `“${trimmed.length > QUOTE_LIMIT ? `${trimmed.slice(0, QUOTE_LIMIT - 1).trimEnd()}…` : trimmed}”`;
}
