import type { Node as PMNode } from 'prosemirror-model';
import { Decoration } from 'prosemirror-view';
import { derivedDecorations } from './derivedDecorations';

const HINTS: Record<string, string> = {
  symbol: 'Symbol',
  organ: 'Organ',
  session: 'Session',
  agenda_item: 'Agenda item',
  sponsors: 'Sponsors: draft resolution',
  title: 'Title of the draft resolution',
  formula: 'The General Assembly,',
  preambular_paragraph: 'Recalling …,',
};

/** What an empty paragraph invites the drafter to write, in the expected style. */
export function placeholderFor(node: PMNode): string | null {
  if (node.type.name === 'operative_paragraph') return node.attrs.level === 0 ? 'Requests …;' : 'To …;';
  return HINTS[node.type.name] ?? null;
}

/** Shows a grey hint in empty paragraphs (drawn by CSS from `data-placeholder`). */
export function placeholderPlugin() {
  return derivedDecorations('placeholders', (doc) => {
    const decorations: Decoration[] = [];
    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      const hint = node.content.size === 0 ? placeholderFor(node) : null;
      if (hint) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-empty', 'data-placeholder': hint }));
      return false;
    });
    return decorations;
  });
}
