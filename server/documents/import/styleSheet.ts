import { markToggles, type MarkToggles } from './runProperties';
import { attrOf, childOf, findAll, type XmlNode } from './xmlPart';

interface StyleEntry {
  basedOn: string | undefined;
  marks: MarkToggles;
  /** Each may come from a different style of the chain ("SubList" based on "OpList" sets only the level). */
  numId: string | undefined;
  ilvl: number | undefined;
}

/** Styles past this depth of w:basedOn are ignored (a loop in a damaged file must not hang us). */
const MAX_BASED_ON = 16;

/** The styles of word/styles.xml that matter on import: marks and list numbering they give paragraphs and runs. */
export class StyleSheet {
  private readonly styles = new Map<string, StyleEntry>();

  constructor(stylesXml: readonly XmlNode[]) {
    for (const style of findAll(stylesXml, 'w:style')) {
      const id = attrOf(style, 'w:styleId');
      if (!id) continue;
      const basedOn = childOf(style, 'w:basedOn');
      const numPr = childOf(childOf(style, 'w:pPr') ?? {}, 'w:numPr');
      const numId = numPr && attrOf(childOf(numPr, 'w:numId') ?? {}, 'w:val');
      const ilvl = numPr && attrOf(childOf(numPr, 'w:ilvl') ?? {}, 'w:val');
      this.styles.set(id, {
        basedOn: basedOn && attrOf(basedOn, 'w:val'),
        marks: markToggles(childOf(style, 'w:rPr')),
        numId,
        ilvl: ilvl === undefined ? undefined : Number(ilvl),
      });
    }
  }

  /** The style and those it is based on, nearest first. */
  private chain(styleId: string | undefined): StyleEntry[] {
    const chain: StyleEntry[] = [];
    for (let id = styleId; id && chain.length < MAX_BASED_ON; ) {
      const style = this.styles.get(id);
      if (!style) break;
      chain.push(style);
      id = style.basedOn;
    }
    return chain;
  }

  /** Marks the style sets, the nearest definition of each winning. */
  marks(styleId: string | undefined): MarkToggles {
    return this.chain(styleId).reduceRight<MarkToggles>((marks, style) => ({ ...marks, ...style.marks }), {});
  }

  /** The list numbering the style gives its paragraphs ("List Number" styles), if any. */
  numbering(styleId: string | undefined): { numId: string; ilvl: number | undefined } | null {
    const chain = this.chain(styleId);
    const numId = chain.find((style) => style.numId !== undefined)?.numId;
    return numId === undefined ? null : { numId, ilvl: chain.find((style) => style.ilvl !== undefined)?.ilvl };
  }
}
