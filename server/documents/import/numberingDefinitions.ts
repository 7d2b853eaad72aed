import type { ListNumber } from './sourceParagraph';
import { attrOf, childOf, childrenOf, findAll, tagOf, type XmlNode } from './xmlPart';

type Levels = Map<number, Omit<ListNumber, 'ilvl'>>;

function levelsOf(container: XmlNode): Levels {
  const levels: Levels = new Map();
  for (const lvl of childrenOf(container).filter((child) => tagOf(child) === 'w:lvl')) {
    levels.set(Number(attrOf(lvl, 'w:ilvl') ?? 0), {
      format: attrOf(childOf(lvl, 'w:numFmt') ?? {}, 'w:val') ?? 'decimal',
      text: attrOf(childOf(lvl, 'w:lvlText') ?? {}, 'w:val') ?? '',
    });
  }
  return levels;
}

/** Word's list definitions (word/numbering.xml): what a paragraph's w:numId and w:ilvl print. */
export class NumberingDefinitions {
  private readonly abstractLevels = new Map<string, Levels>();
  private readonly lists = new Map<string, { abstractId: string; overrides: Levels }>();

  constructor(numberingXml: readonly XmlNode[]) {
    for (const abstract of findAll(numberingXml, 'w:abstractNum')) {
      this.abstractLevels.set(attrOf(abstract, 'w:abstractNumId') ?? '', levelsOf(abstract));
    }
    for (const num of findAll(numberingXml, 'w:num')) {
      const overrides: Levels = new Map();
      for (const override of childrenOf(num).filter((child) => tagOf(child) === 'w:lvlOverride')) {
        const lvl = childOf(override, 'w:lvl');
        if (lvl) for (const [ilvl, level] of levelsOf({ 'w:o': [lvl] })) overrides.set(Number(attrOf(override, 'w:ilvl') ?? ilvl), level);
      }
      this.lists.set(attrOf(num, 'w:numId') ?? '', { abstractId: attrOf(childOf(num, 'w:abstractNumId') ?? {}, 'w:val') ?? '', overrides });
    }
  }

  /** The number format at a list level, or null (numId 0 means "no numbering" in Word). */
  lookup(numId: string, ilvl: number): ListNumber | null {
    const list = this.lists.get(numId);
    if (!list) return null;
    const level = list.overrides.get(ilvl) ?? this.abstractLevels.get(list.abstractId)?.get(ilvl);
    return level && level.format !== 'none' ? { ilvl, ...level } : null;
  }
}
