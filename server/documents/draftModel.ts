/**
 * A draft as the document writers see it: its paragraphs in document order, each a list of runs
 * of text with their marks and, in a tracked export, the change that made them and who made it.
 * Built by readDraft (one state of the text) or TrackedReplay (one state against an older one).
 */

export type Mark = 'em' | 'strong' | 'underline';

/** A tracked change: text (or a paragraph) inserted or deleted by a delegation at a time. */
export interface RunChange {
  kind: 'insert' | 'delete';
  /** The delegation whose update made the change. */
  author: string;
  /** When the change was stored (ISO). */
  at: string;
}

export interface Run {
  text: string;
  marks: Mark[];
  change?: RunChange;
}

/** Node types of the lines above the preamble, each once in a draft. */
export type HeadingLineType = 'symbol' | 'organ' | 'session' | 'agenda_item' | 'sponsors' | 'title';

export type ParagraphType = HeadingLineType | 'formula' | 'preambular_paragraph' | 'operative_paragraph';

export interface ModelParagraph {
  id: string | null;
  type: ParagraphType;
  /** Sub-paragraph depth of an operative paragraph (0 for everything else), never deeper than one below the one before. */
  level: number;
  /** The stable label of the round ("PP4bis", "OP3(a)"); empty for heading lines. */
  label: string;
  /** The clean number as printed ("3.", "(a)"); empty for preambular paragraphs, a lone operative one and tracked exports. */
  number: string;
  runs: Run[];
  /** The whole paragraph was inserted or deleted (tracked exports). */
  change?: RunChange;
  /** A proposed paragraph not in the text yet (compilation exports): unnumbered, shown under its label. */
  proposed?: true;
}

export interface DraftModel {
  paragraphs: ModelParagraph[];
  /** The date of the text (the version's, or the export's for the current text), ISO. */
  date: string;
}

export const MARKS: ReadonlySet<string> = new Set<Mark>(['em', 'strong', 'underline']);

/** The text a paragraph reads as once its changes are accepted. */
export function acceptedText(runs: readonly Run[]): string {
  return runs.filter((run) => run.change?.kind !== 'delete').map((run) => run.text).join('');
}

/** The text of the first paragraph of a type ("symbol", "title"), empty when there is none. */
export function lineText(model: DraftModel, type: ParagraphType): string {
  const paragraph = model.paragraphs.find((p) => p.type === type);
  return paragraph ? acceptedText(paragraph.runs) : '';
}
