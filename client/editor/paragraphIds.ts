import type { Node as PMNode } from 'prosemirror-model';
import { PARAGRAPH_TYPES } from '../../shared/schema';

export interface ParagraphAt {
  node: PMNode;
  pos: number;
}

/** Every paragraph-level node (the ones that carry a stable id), in document order. */
export function paragraphsOf(doc: PMNode): ParagraphAt[] {
  const found: ParagraphAt[] = [];
  doc.descendants((node, pos) => {
    if (PARAGRAPH_TYPES.has(node.type.name)) {
      found.push({ node, pos });
      return false;
    }
    return true;
  });
  return found;
}

/**
 * Positions of paragraphs that need a fresh id: those without one, and all but
 * one of any group sharing an id (after a split or a paste). In a group, the
 * paragraph at `keeperPos.get(id)` keeps the id, so that a copy pasted above the
 * original never steals the original's identity; without a known keeper, the
 * first one keeps it.
 */
export function paragraphsNeedingIds(doc: PMNode, keeperPos: ReadonlyMap<string, number> = new Map()): number[] {
  const byId = new Map<string, number[]>();
  const missing: number[] = [];
  for (const { node, pos } of paragraphsOf(doc)) {
    const id = node.attrs.id as string | null;
    if (!id) missing.push(pos);
    else byId.set(id, [...(byId.get(id) ?? []), pos]);
  }
  const duplicates: number[] = [];
  for (const [id, positions] of byId) {
    if (positions.length < 2) continue;
    const preferred = keeperPos.get(id);
    const keeper = preferred !== undefined && positions.includes(preferred) ? preferred : positions[0];
    duplicates.push(...positions.filter((pos) => pos !== keeper));
  }
  return [...missing, ...duplicates].sort((a, b) => a - b);
}
