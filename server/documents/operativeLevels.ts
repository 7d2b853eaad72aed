import type { ModelParagraph } from './draftModel';

/** Operative levels as numbered: never deeper than one below the operative paragraph before (as numberParagraphs). */
export function clampLevels(paragraphs: ModelParagraph[]): ModelParagraph[] {
  let previous = -1;
  return paragraphs.map((paragraph) => {
    if (paragraph.type !== 'operative_paragraph') return { ...paragraph, level: 0 };
    const level = Math.max(0, Math.min(paragraph.level, previous + 1));
    previous = level;
    return { ...paragraph, level };
  });
}
