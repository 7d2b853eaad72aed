import type { Node as PMNode } from 'prosemirror-model';

/** What the find bar looks for. */
export interface FindQuery {
  text: string;
  caseSensitive: boolean;
}

/** A match as document positions. */
export interface FindMatch {
  from: number;
  to: number;
}

/** The query as a literal pattern: the person types words, not a regular expression. */
function patternOf({ text, caseSensitive }: FindQuery): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), caseSensitive ? 'gu' : 'giu');
}

/**
 * Every occurrence of the query in the document, in text order. A match stays within one
 * paragraph (or heading line), as a proposal's or comment's words do; an empty query finds nothing.
 */
export function findMatches(doc: PMNode, query: FindQuery): FindMatch[] {
  if (!query.text) return [];
  const pattern = patternOf(query);
  const matches: FindMatch[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // One character per position: text as it is, any other inline leaf as a placeholder.
    let text = '';
    node.forEach((child) => {
      text += child.isText ? child.text! : '\ufffc'.repeat(child.nodeSize);
    });
    for (const found of text.matchAll(pattern)) {
      if (found[0].length > 0) matches.push({ from: pos + 1 + found.index, to: pos + 1 + found.index + found[0].length });
    }
    return false;
  });
  return matches;
}
