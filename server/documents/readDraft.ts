import type { Node as PMNode } from 'prosemirror-model';
import { numberParagraphs } from '../../shared/numbering';
import { PARAGRAPH_TYPES, resolutionSchema } from '../../shared/schema';
import { MARKS, type DraftModel, type Mark, type ModelParagraph, type ParagraphType, type Run } from './draftModel';

/**
 * One state of a draft (ProseMirror JSON of the resolution schema) as the writers' model: every
 * paragraph in document order with its runs and marks, the levels as numbered, and the label of
 * the round from `labels` (the clean reference when the paragraph has none, as a legacy one).
 */
export function readDraft(docJson: unknown, labels: ReadonlyMap<string, string>, date: string): DraftModel {
  const doc = resolutionSchema.nodeFromJSON(docJson);
  const numbered = new Map(numberParagraphs(doc).map((label) => [label.pos, label]));
  const paragraphs: ModelParagraph[] = [];
  doc.descendants((node, pos) => {
    if (!PARAGRAPH_TYPES.has(node.type.name)) return true;
    const id = typeof node.attrs.id === 'string' && node.attrs.id !== '' ? node.attrs.id : null;
    const label = numbered.get(pos);
    paragraphs.push({
      id,
      type: node.type.name as ParagraphType,
      level: label?.level ?? 0,
      label: (id && labels.get(id)) || label?.reference || '',
      number: label?.printed ?? '',
      runs: runsOf(node),
    });
    return false;
  });
  return { paragraphs, date };
}

function runsOf(paragraph: PMNode): Run[] {
  const runs: Run[] = [];
  paragraph.forEach((child) => {
    if (child.isText && child.text) runs.push({ text: child.text, marks: child.marks.map((mark) => mark.type.name).filter((name): name is Mark => MARKS.has(name)) });
  });
  return runs;
}
