import type { ComparisonSummary, ParagraphChange } from './types';

export function summarize(paragraphs: ParagraphChange[]): ComparisonSummary {
  const summary: ComparisonSummary = { changed: 0, added: 0, deleted: 0, moved: 0, unchanged: 0 };
  for (const paragraph of paragraphs) {
    summary[paragraph.kind] += 1;
    if ((paragraph.kind === 'changed' || paragraph.kind === 'unchanged') && paragraph.moved) summary.moved += 1;
  }
  return summary;
}

/**
 * "3 paragraphs changed, 1 added, 1 deleted, 1 moved": the noun goes with the
 * first count only, and zero counts are left out. Unchanged paragraphs are not news.
 */
export function describeSummary(summary: ComparisonSummary): string {
  const parts = (['changed', 'added', 'deleted', 'moved'] as const)
    .filter((key) => summary[key] > 0)
    .map((key, index) => {
      const count = summary[key];
      const noun = index > 0 ? '' : count === 1 ? ' paragraph' : ' paragraphs';
      return `${count}${noun} ${key}`;
    });
  return parts.length === 0 ? 'No changes' : parts.join(', ');
}
