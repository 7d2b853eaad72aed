import type { DraftSummary } from './drafts';

/** A line the importer could not place, or placed by a guess the facilitator should check. */
export interface ImportProblem {
  /** 1-based position among the file's non-empty paragraphs; 0 for something missing altogether. */
  line: number;
  text: string;
  reason: string;
}

/** Where an imported line went: a heading line, the formula, a PP or OP, or the masthead the layout repeats. */
export type ImportedKind = 'symbol' | 'organ' | 'session' | 'agenda_item' | 'sponsors' | 'title' | 'formula' | 'pp' | 'op' | 'masthead';

export interface ImportedParagraph {
  kind: ImportedKind;
  /** "PP3", "OP2(a)", or the name of a heading line ("Symbol"). */
  label: string;
  /** Sub-paragraph level of an operative paragraph. */
  level: number;
  text: string;
}

/** `POST /api/negotiations/:id/drafts/import?preview=1`: what would be created, nothing created. */
export interface ImportPreview {
  title: string;
  symbol: string;
  paragraphs: ImportedParagraph[];
  problems: ImportProblem[];
}

/** `POST /api/negotiations/:id/drafts/import`: the draft created, and what to fix in it. */
export interface ImportCreated {
  draft: DraftSummary;
  problems: ImportProblem[];
}

/** The name of an imported draft's first version. */
export const IMPORTED_VERSION_NAME = 'Zero draft (imported)';

/** The largest file accepted by default (IMPORT_MAX_BYTES). */
export const DEFAULT_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
