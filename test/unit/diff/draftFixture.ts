import { resolutionSchema } from '../../../shared/schema';
import type { DocJson } from '../../../shared/diff';

/** A piece of paragraph text with optional marks ('em', 'strong', 'underline'). */
export interface TextRun {
  text: string;
  marks?: string[];
}

export interface ParagraphSpec {
  id: string | null;
  text: string | TextRun[];
  level?: number;
}

export interface DraftSpec {
  symbol?: string;
  sponsors?: string;
  title?: string;
  formula?: string;
  pps?: ParagraphSpec[];
  ops: ParagraphSpec[];
}

/** Shorthand for a paragraph spec. */
export function para(id: string | null, text: string | TextRun[], level = 0): ParagraphSpec {
  return { id, text, level };
}

/** Schema-valid doc JSON for a draft; throws if the result does not satisfy the schema. */
export function draft(spec: DraftSpec): DocJson {
  const json = {
    type: 'doc',
    content: [
      {
        type: 'heading',
        content: [
          line('symbol', 'h-symbol', spec.symbol ?? 'E/CN.15/2018/L.4'),
          line('organ', 'h-organ', 'Commission on Crime Prevention and Criminal Justice'),
          line('session', 'h-session', 'Twenty-seventh session, Vienna, 14–18 May 2018'),
          line('agenda_item', 'h-agenda', 'Agenda item 6'),
        ],
      },
      line('sponsors', 'h-sponsors', spec.sponsors ?? 'Belarus, Kazakhstan: draft resolution'),
      line('title', 'h-title', spec.title ?? 'Countering trafficking in persons'),
      {
        type: 'preamble',
        content: [
          line('formula', 'h-formula', spec.formula ?? 'The General Assembly,'),
          ...(spec.pps ?? []).map((pp) => paragraphNode('preambular_paragraph', pp)),
        ],
      },
      { type: 'operative', content: spec.ops.map((op) => paragraphNode('operative_paragraph', op)) },
    ],
  };
  resolutionSchema.nodeFromJSON(json).check();
  return json;
}

function line(type: string, id: string, text: string): DocJson {
  return paragraphNode(type, { id, text });
}

function paragraphNode(type: string, { id, text, level }: ParagraphSpec): DocJson {
  const runs = typeof text === 'string' ? [{ text }] : text;
  const content = runs
    .filter((run) => run.text !== '')
    .map((run) => ({ type: 'text', text: run.text, ...(run.marks ? { marks: run.marks.map((m) => ({ type: m })) } : {}) }));
  const attrs = type === 'operative_paragraph' ? { id, level: level ?? 0 } : { id };
  return { type, attrs, ...(content.length > 0 ? { content } : {}) };
}
