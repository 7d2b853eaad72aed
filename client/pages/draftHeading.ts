import type { Node as PMNode } from 'prosemirror-model';

export interface DraftHeading {
  symbol: string;
  title: string;
}

/** Symbol and title as they stand in the text itself, the source of truth while people edit them. */
export function draftHeading(doc: PMNode): DraftHeading {
  let symbol = '';
  let title = '';
  doc.descendants((node) => {
    if (node.type.name === 'symbol') symbol = node.textContent.trim();
    if (node.type.name === 'title') title = node.textContent.trim();
    return !node.isTextblock;
  });
  return { symbol, title };
}
