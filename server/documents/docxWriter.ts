import {
  AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, Paragraph, TabStopPosition, TabStopType, TextRun,
  type IParagraphOptions, type IRunOptions,
} from 'docx';
import { lineText, type DraftModel, type ModelParagraph } from './draftModel';
import { docxRuns, revision, type RevisionIds } from './docxRuns';
import { OPERATIVE_NUMBERING, operativeNumbering } from './docxNumbering';
import { formatDocumentDate } from '../../shared/documentDate';
import { withLeadWords } from './leadWordRuns';

/** Twips of the first-line indent of preambular paragraphs and of a lone, unnumbered operative paragraph. */
const INDENT = 1134;

/** Half-points: UN documents are set in 10-point Times New Roman. */
const BODY_SIZE = 20;

/**
 * A draft as a Word document in UN layout: "United Nations" and the symbol at the top right,
 * distribution, date and language under it, organ, session, agenda item, sponsors line, title,
 * formula, preambular paragraphs with their lead words in italics, operative paragraphs on real
 * Word numbering (1. / (a) / (i)), page numbers in the footer and the symbol in the running
 * header. Tracked runs and paragraphs become w:ins / w:del with the delegation as w:author.
 */
export function writeDocx(model: DraftModel): Promise<Buffer> {
  let revisions = 0;
  const nextId: RevisionIds = () => ++revisions;
  const numbered = model.paragraphs.filter((p) => p.type === 'operative_paragraph' && p.level === 0 && p.change?.kind !== 'delete' && !p.proposed).length > 1;
  const symbol = lineText(model, 'symbol');
  const document = new Document({
    creator: 'Resolution workspace',
    title: lineText(model, 'title') || symbol,
    styles: { default: { document: { run: { font: 'Times New Roman', size: BODY_SIZE } } } },
    numbering: operativeNumbering,
    sections: [
      {
        properties: { titlePage: true },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: symbol, bold: true })] })] }),
        },
        footers: {
          default: pageNumberFooter(),
          first: pageNumberFooter(),
        },
        children: model.paragraphs.flatMap((paragraph) => paragraphsOf(paragraph, { nextId, numbered, date: model.date })),
      },
    ],
  });
  return Packer.toBuffer(document);
}

interface Layout {
  nextId: RevisionIds;
  /** More than one operative paragraph: they are numbered (a lone one is not). */
  numbered: boolean;
  date: string;
}

function paragraphsOf(paragraph: ModelParagraph, layout: Layout): Paragraph[] {
  const { nextId } = layout;
  const mark = paragraph.change && { run: paragraph.change.kind === 'insert' ? { insertion: revision(paragraph.change, nextId) } : { deletion: revision(paragraph.change, nextId) } };
  const line = (options: IParagraphOptions, style: IRunOptions = {}) =>
    new Paragraph({ ...mark, ...options, children: docxRuns(withLeadWords(paragraph), nextId, style) });
  if (paragraph.proposed) return [proposedParagraph(paragraph, nextId)];
  switch (paragraph.type) {
    case 'symbol':
      return [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
          spacing: { after: 120 },
          children: [new TextRun({ text: 'United Nations', size: 28 }), new TextRun({ text: '\t' }), ...docxRuns(paragraph.runs, nextId, { bold: true, size: 28 })],
        }),
        ...['Distr.: Limited', formatDocumentDate(layout.date), '', 'Original: English'].map(
          (text) => new Paragraph({ indent: { left: 6804 }, children: [new TextRun(text)] }),
        ),
      ];
    case 'organ':
      return [line({ spacing: { before: 360 } }, { bold: true })];
    case 'session':
    case 'agenda_item':
      return [line({})];
    case 'sponsors':
      return [line({ spacing: { before: 240, after: 240 } }, { bold: true })];
    case 'title':
      return [line({ spacing: { after: 240 }, indent: { left: INDENT, right: INDENT } }, { bold: true, size: 24 })];
    case 'formula':
    case 'preambular_paragraph':
      return [line({ indent: { firstLine: INDENT }, spacing: { after: 120 }, alignment: AlignmentType.BOTH })];
    case 'operative_paragraph':
      return [
        line(
          layout.numbered || paragraph.level > 0
            ? { numbering: { reference: OPERATIVE_NUMBERING, level: paragraph.level }, spacing: { after: 120 }, alignment: AlignmentType.BOTH }
            : { indent: { firstLine: INDENT }, spacing: { after: 120 }, alignment: AlignmentType.BOTH },
        ),
      ];
  }
}

/** An alternative or new paragraph of a compilation: its label in bold, indented to its level, never numbered. */
function proposedParagraph(paragraph: ModelParagraph, nextId: RevisionIds): Paragraph {
  return new Paragraph({
    indent: { left: INDENT * (paragraph.level + 1) },
    spacing: { after: 120 },
    alignment: AlignmentType.BOTH,
    children: [new TextRun({ text: `${paragraph.label} `, bold: true }), ...docxRuns(paragraph.runs, nextId)],
  });
}

function pageNumberFooter(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
}
