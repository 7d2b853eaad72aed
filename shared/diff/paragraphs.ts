import type { Node as PMNode } from 'prosemirror-model';
import { numberParagraphs, type ParagraphLabel } from '../numbering';
import { PARAGRAPH_TYPES, resolutionSchema } from '../schema';
import type { DocJson, ParagraphInfo } from './types';

/** How the paragraphs that carry no PP/OP number are referred to. */
const LINE_REFERENCES: Record<string, string> = {
  symbol: 'Symbol',
  organ: 'Organ',
  session: 'Session',
  agenda_item: 'Agenda item',
  sponsors: 'Sponsors',
  title: 'Title',
  formula: 'Formula',
};

/**
 * The paragraphs of a draft in document order, with the references and printed
 * numbers derived by `numberParagraphs`. Text is taken without marks: bold and
 * italics are presentation, not negotiated wording, so the diff ignores them.
 */
export function extractParagraphs(docJson: DocJson): ParagraphInfo[] {
  const doc = resolutionSchema.nodeFromJSON(docJson);
  const labels = new Map<number, ParagraphLabel>(numberParagraphs(doc).map((label) => [label.pos, label]));
  const paragraphs: ParagraphInfo[] = [];
  doc.descendants((node: PMNode, pos: number) => {
    const type = node.type.name;
    if (!PARAGRAPH_TYPES.has(type)) return true;
    const label = labels.get(pos);
    paragraphs.push({
      id: typeof node.attrs.id === 'string' && node.attrs.id !== '' ? node.attrs.id : null,
      type,
      level: label?.level ?? 0,
      reference: label?.reference ?? LINE_REFERENCES[type] ?? type,
      printed: label?.printed ?? '',
      text: node.textContent,
    });
    // Paragraphs are textblocks: nothing inside them is a paragraph.
    return false;
  });
  return paragraphs;
}
