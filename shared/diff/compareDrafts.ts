import { matchParagraphs } from './matchParagraphs';
import { outsideLongestIncreasing } from './moves';
import { addedParagraph, deletedParagraph, matchedParagraph } from './paragraphChange';
import { extractParagraphs } from './paragraphs';
import { describeSummary, summarize } from './summary';
import type { DeletedParagraph, DocJson, DraftComparison, ParagraphChange, ParagraphInfo } from './types';

/**
 * Compare two versions of a draft, given as ProseMirror JSON, paragraph by paragraph
 * and word by word. Marks (bold, italics) are ignored: only the wording is compared.
 */
export function compareDrafts(from: DocJson, to: DocJson): DraftComparison {
  return compareParagraphs(extractParagraphs(from), extractParagraphs(to));
}

/**
 * Paragraphs come out in the order of `to`. A deleted paragraph is placed right
 * after the nearest paragraph before it in `from` that survives, which is where a
 * reader of the new text expects the gap (at the very top when none survives).
 */
export function compareParagraphs(from: ParagraphInfo[], to: ParagraphInfo[]): DraftComparison {
  const fromIndexOf = matchParagraphs(from, to);
  const toIndexOf: Array<number | null> = from.map(() => null);
  const matchedToIndices: number[] = [];
  fromIndexOf.forEach((fromIndex, toIndex) => {
    if (fromIndex === null) return;
    toIndexOf[fromIndex] = toIndex;
    matchedToIndices.push(toIndex);
  });
  const movedFlags = outsideLongestIncreasing(matchedToIndices.map((toIndex) => fromIndexOf[toIndex] as number));
  const moved = new Set(matchedToIndices.filter((_, k) => movedFlags[k]));

  const deletedAfter = new Map<number, DeletedParagraph[]>();
  let anchor = -1;
  from.forEach((paragraph, fromIndex) => {
    const toIndex = toIndexOf[fromIndex];
    if (toIndex !== null) {
      anchor = toIndex;
      return;
    }
    const group = deletedAfter.get(anchor) ?? [];
    group.push(deletedParagraph(paragraph));
    deletedAfter.set(anchor, group);
  });

  const paragraphs: ParagraphChange[] = [...(deletedAfter.get(-1) ?? [])];
  to.forEach((paragraph, toIndex) => {
    const fromIndex = fromIndexOf[toIndex];
    paragraphs.push(
      fromIndex === null ? addedParagraph(paragraph) : matchedParagraph(from[fromIndex], paragraph, moved.has(toIndex)),
    );
    paragraphs.push(...(deletedAfter.get(toIndex) ?? []));
  });

  const summary = summarize(paragraphs);
  return { paragraphs, summary, summaryText: describeSummary(summary) };
}
