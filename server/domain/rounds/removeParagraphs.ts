import * as Y from 'yjs';

/**
 * Deletes, wherever they sit in the fragment, the paragraph elements whose id is in `ids`; but
 * never the last operative paragraph, as a resolution has at least one (the schema says so).
 */
export function removeParagraphs(parent: Y.XmlFragment | Y.XmlElement, ids: ReadonlySet<string>): void {
  // From the end, so deleting a child does not shift the ones still to visit.
  for (let index = parent.length - 1; index >= 0; index--) {
    const child = parent.get(index);
    if (!(child instanceof Y.XmlElement)) continue;
    const id = child.getAttribute('id');
    const lastOperative = parent instanceof Y.XmlElement && parent.nodeName === 'operative' && parent.length === 1;
    if (typeof id === 'string' && ids.has(id) && !lastOperative) parent.delete(index, 1);
    else removeParagraphs(child, ids);
  }
}
