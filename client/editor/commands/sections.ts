import type { Node as PMNode, ResolvedPos } from 'prosemirror-model';

export interface Located {
  node: PMNode;
  pos: number;
}

/** The top-level part of the draft with this node type name ('preamble', 'operative', ...). */
export function sectionOf(doc: PMNode, name: string): Located | null {
  let found: Located | null = null;
  doc.forEach((node, offset) => {
    if (node.type.name === name) found = { node, pos: offset };
  });
  return found;
}

/** Whether the position lies inside the top-level part with this name. */
export function isIn($pos: ResolvedPos, name: string): boolean {
  return $pos.depth >= 1 && $pos.node(1).type.name === name;
}

/** Document position of the `index`-th child of a node located at `parent`. */
export function childPos(parent: Located, index: number): number {
  let pos = parent.pos + 1;
  for (let i = 0; i < index; i++) pos += parent.node.child(i).nodeSize;
  return pos;
}
