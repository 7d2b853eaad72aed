import type { NumberingDefinitions } from './numberingDefinitions';
import { markToggles, type MarkToggles } from './runProperties';
import { normalizeRuns, runsText, splitLines } from './runs';
import type { ListNumber, MarkName, Run, SourceParagraph } from './sourceParagraph';
import type { StyleSheet } from './styleSheet';
import { attrOf, childOf, childrenOf, findAll, tagOf, textOf, type XmlNode } from './xmlPart';

/** Block containers whose paragraphs belong to the text, in reading order (the masthead is often a table). */
const BLOCK_CONTAINERS = new Set(['w:tbl', 'w:tr', 'w:tc', 'w:sdt', 'w:sdtContent', 'w:customXml']);
/** Inline containers whose runs belong to the text; deleted (tracked) runs do not. */
const INLINE_CONTAINERS = new Set(['w:hyperlink', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:customXml']);

const valOf = (parent: XmlNode | undefined, tag: string) => (parent ? attrOf(childOf(parent, tag) ?? {}, 'w:val') : undefined);

function marksOf(toggles: MarkToggles): MarkName[] {
  return (Object.keys(toggles) as MarkName[]).filter((mark) => toggles[mark]);
}

/** The text a run carries: w:t, tabs and breaks; deleted text and field codes are left out. */
function runText(run: XmlNode): string {
  return childrenOf(run)
    .map((child) => {
      switch (tagOf(child)) {
        case 'w:t':
          return textOf(child);
        case 'w:tab':
          return '\t';
        case 'w:br':
        case 'w:cr':
          return '\n';
        case 'w:noBreakHyphen':
          return '-';
        default:
          return '';
      }
    })
    .join('');
}

/** Reads a .docx's paragraphs with their marks and list numbering. */
export class DocumentParagraphs {
  constructor(
    private readonly styles: StyleSheet,
    private readonly numbering: NumberingDefinitions,
  ) {}

  read(documentXml: readonly XmlNode[]): Omit<SourceParagraph, 'line'>[] {
    const body = findAll(documentXml, 'w:body')[0];
    return body ? this.blocks(childrenOf(body)) : [];
  }

  private blocks(nodes: readonly XmlNode[]): Omit<SourceParagraph, 'line'>[] {
    return nodes.flatMap((node) => {
      const tag = tagOf(node);
      if (tag === 'w:p') return this.paragraph(node);
      return BLOCK_CONTAINERS.has(tag) ? this.blocks(childrenOf(node)) : [];
    });
  }

  /** One w:p; a manual line break splits it, as the masthead lines of some templates are one paragraph. */
  private paragraph(p: XmlNode): Omit<SourceParagraph, 'line'>[] {
    const pPr = childOf(p, 'w:pPr');
    const styleId = valOf(pPr, 'w:pStyle');
    const styleMarks = this.styles.marks(styleId);
    const runs = this.runs(childrenOf(p), styleMarks);
    const listNumber = this.listNumber(pPr, styleId);
    return splitLines(runs)
      .map(normalizeRuns)
      .filter((line) => runsText(line) !== '')
      .map((line, index) => ({ runs: line, listNumber: index === 0 ? listNumber : null }));
  }

  private runs(nodes: readonly XmlNode[], paragraphMarks: MarkToggles): Run[] {
    return nodes.flatMap((node) => {
      const tag = tagOf(node);
      if (INLINE_CONTAINERS.has(tag)) return this.runs(childrenOf(node), paragraphMarks);
      if (tag !== 'w:r') return [];
      const rPr = childOf(node, 'w:rPr');
      const toggles = { ...paragraphMarks, ...this.styles.marks(valOf(rPr, 'w:rStyle')), ...markToggles(rPr) };
      return [{ text: runText(node), marks: marksOf(toggles) }];
    });
  }

  /** Direct numbering wins over the paragraph style's; numId 0 switches numbering off. */
  private listNumber(pPr: XmlNode | undefined, styleId: string | undefined): ListNumber | null {
    const numPr = pPr && childOf(pPr, 'w:numPr');
    const fromStyle = this.styles.numbering(styleId);
    const numId = valOf(numPr, 'w:numId') ?? fromStyle?.numId;
    const ilvl = Number(valOf(numPr, 'w:ilvl') ?? fromStyle?.ilvl ?? 0);
    if (!numId || numId === '0' || !Number.isInteger(ilvl)) return null;
    return this.numbering.lookup(numId, ilvl);
  }
}
