import { extractParagraphs } from './diff/paragraphs';
import type { DocJson, ParagraphInfo } from './diff/types';

/** The lines of the heading block, printed one under the other without blank lines. */
const HEADING_LINES = new Set(['symbol', 'organ', 'session', 'agenda_item']);

/** Sub-paragraphs are indented one step per level, as in the printed document. */
const INDENT = '    ';

/**
 * A draft as plain text in UN layout order: heading lines, sponsors, title,
 * formula, preambular paragraphs, then operative paragraphs with their printed
 * numbers ("1.", "(a)", "(i)"), blocks separated by a blank line. Empty unnumbered
 * lines are left out; an empty operative paragraph keeps its number so the
 * numbering of the text stays readable.
 */
export function plainText(docJson: DocJson): string {
  const heading: string[] = [];
  const blocks: string[] = [];
  for (const paragraph of extractParagraphs(docJson)) {
    if (HEADING_LINES.has(paragraph.type)) {
      if (paragraph.text !== '') heading.push(paragraph.text);
    } else {
      const block = renderBlock(paragraph);
      if (block !== '') blocks.push(block);
    }
  }
  if (heading.length > 0) blocks.unshift(heading.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function renderBlock({ level, printed, text }: ParagraphInfo): string {
  const body = [printed, text].filter((part) => part !== '').join(' ');
  return body === '' ? '' : INDENT.repeat(level) + body;
}
