import type { MarkName } from './sourceParagraph';
import { attrOf, childOf, type XmlNode } from './xmlPart';

/** Which marks a w:rPr turns on (true), off (false), or leaves to the style (absent). */
export type MarkToggles = Partial<Record<MarkName, boolean>>;

const OFF = new Set(['0', 'false', 'off']);

function toggle(rPr: XmlNode, tag: string): boolean | undefined {
  const element = childOf(rPr, tag);
  if (!element) return undefined;
  const value = attrOf(element, 'w:val');
  return tag === 'w:u' ? value !== 'none' : !OFF.has(value ?? '');
}

/** The marks a w:rPr sets, italic, bold and underline being the ones a resolution keeps. */
export function markToggles(rPr: XmlNode | undefined): MarkToggles {
  if (!rPr) return {};
  const toggles: MarkToggles = {};
  for (const [mark, tag] of [['em', 'w:i'], ['strong', 'w:b'], ['underline', 'w:u']] as const) {
    const on = toggle(rPr, tag);
    if (on !== undefined) toggles[mark] = on;
  }
  return toggles;
}
