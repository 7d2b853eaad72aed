import type { ParagraphInfo } from './types';

/**
 * For each paragraph of `to`, the index of the same paragraph in `from`, or null
 * for a new one. Paragraphs are the same when they share their stable id, so a
 * paragraph keeps its identity when renumbered, moved or reworded.
 *
 * Ids should be unique; when one repeats, only its first occurrence in each
 * version is matched and the repeats count as added or deleted. Paragraphs
 * without an id (drafts saved before ids existed) fall back to their position:
 * the k-th id-less paragraph of a type in `from` is the k-th of that type in `to`.
 */
export function matchParagraphs(from: ParagraphInfo[], to: ParagraphInfo[]): Array<number | null> {
  const fromIndexOf: Array<number | null> = to.map(() => null);
  const fromById = firstIndexById(from);
  for (const [id, toIndex] of firstIndexById(to)) {
    const fromIndex = fromById.get(id);
    if (fromIndex !== undefined) fromIndexOf[toIndex] = fromIndex;
  }
  const fromLegacy = idlessIndicesByType(from);
  for (const [type, toIndices] of idlessIndicesByType(to)) {
    const fromIndices = fromLegacy.get(type) ?? [];
    toIndices.forEach((toIndex, k) => {
      if (k < fromIndices.length) fromIndexOf[toIndex] = fromIndices[k];
    });
  }
  return fromIndexOf;
}

function firstIndexById(paragraphs: ParagraphInfo[]): Map<string, number> {
  const byId = new Map<string, number>();
  paragraphs.forEach(({ id }, index) => {
    if (id !== null && !byId.has(id)) byId.set(id, index);
  });
  return byId;
}

function idlessIndicesByType(paragraphs: ParagraphInfo[]): Map<string, number[]> {
  const byType = new Map<string, number[]>();
  paragraphs.forEach(({ id, type }, index) => {
    if (id !== null) return;
    const indices = byType.get(type) ?? [];
    indices.push(index);
    byType.set(type, indices);
  });
  return byType;
}
