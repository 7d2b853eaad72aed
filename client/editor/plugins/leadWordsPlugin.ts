import type { Node as PMNode } from 'prosemirror-model';
import { Decoration } from 'prosemirror-view';
import { leadWordsLength } from '../../../shared/leadWords';
import { derivedDecorations } from './derivedDecorations';

/** Preambular paragraphs and operative paragraphs (not their sub-paragraphs) open with lead words. */
function hasLeadWords(node: PMNode): boolean {
  if (node.type.name === 'preambular_paragraph') return true;
  return node.type.name === 'operative_paragraph' && node.attrs.level === 0;
}

/** Sets the lead words of each paragraph in italics, as UN style wants, without storing a mark. */
export function leadWordsPlugin() {
  return derivedDecorations('lead-words', (doc) => {
    const decorations: Decoration[] = [];
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      if (hasLeadWords(node)) {
        // Paragraph content is text only, so character offsets are document offsets.
        const length = leadWordsLength(node.textContent);
        if (length > 0) decorations.push(Decoration.inline(pos + 1, pos + 1 + length, { class: 'lead-words' }));
      }
      return false;
    });
    return decorations;
  });
}
