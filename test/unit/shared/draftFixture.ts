import type { Node as PMNode } from 'prosemirror-model';
import { blankResolution, outlineToDoc, type DraftOutline } from '../../../shared/draftTemplate';
import { resolutionSchema } from '../../../shared/schema';

/** A schema-checked draft document with the given preamble and operative part. */
export function draftDoc(parts: Partial<Pick<DraftOutline, 'preambular' | 'operative' | 'title' | 'symbol'>> = {}): PMNode {
  const outline = { ...blankResolution(parts.title ?? 'A test draft', parts.symbol ?? 'E/CN.15/2026/L.9'), ...parts };
  const doc = resolutionSchema.nodeFromJSON(outlineToDoc(outline));
  doc.check();
  return doc;
}

/** Operative paragraphs given as "text" (level 0) or [level, "text"]. */
export function ops(...items: Array<string | [number, string]>): DraftOutline['operative'] {
  return items.map((item) => (typeof item === 'string' ? { text: item } : { level: item[0], text: item[1] }));
}
