/**
 * Result types of the compare engine. Everything here is plain JSON so that a
 * comparison can be computed on the server and rendered in the browser as is.
 */

/** A draft as stored in version history: the output of `node.toJSON()` for the resolution schema. */
export type DocJson = { [key: string]: unknown };

export type SegmentOp = 'equal' | 'insert' | 'delete';

/** A run of text. Segments never carry empty text, and no two neighbours share an op. */
export interface Segment {
  op: SegmentOp;
  text: string;
}

/** One paragraph-level node of a draft, flattened (see PARAGRAPH_TYPES in the schema). */
export interface ParagraphInfo {
  /** The stable id; null for legacy paragraphs written before ids existed. */
  id: string | null;
  /** The node type name: 'title', 'preambular_paragraph', 'operative_paragraph' ... */
  type: string;
  /** Effective sub-paragraph depth as numbered (0 for everything but sub-paragraphs). */
  level: number;
  /** How delegates refer to it: "PP4", "OP3(b)", or a label such as "Title" for the heading lines. */
  reference: string;
  /** The number printed before the text: "3.", "(b)"; empty where nothing is printed. */
  printed: string;
  /** The text without marks. */
  text: string;
}

interface ParagraphChangeBase {
  id: string | null;
  /** The node type in the `to` version (in the `from` version for deleted paragraphs). */
  type: string;
  segments: Segment[];
}

/**
 * A paragraph present in both versions. `moved` is orthogonal to the kind: a moved
 * paragraph is reported as changed or unchanged with `moved: true`, so the renderer
 * shows its text diff in its new place and flags the move in the margin.
 */
interface MatchedParagraphBase extends ParagraphChangeBase {
  reference: string;
  fromReference: string;
  level: number;
  /** Its relative order among the paragraphs present in both versions changed. */
  moved: boolean;
}

export interface UnchangedParagraph extends MatchedParagraphBase {
  kind: 'unchanged';
}

/** Changed text, sub-paragraph level or node type (e.g. a PP turned into an OP). */
export interface ChangedParagraph extends MatchedParagraphBase {
  kind: 'changed';
  levelChanged: boolean;
  fromLevel: number;
  typeChanged: boolean;
  fromType: string;
}

export interface AddedParagraph extends ParagraphChangeBase {
  kind: 'added';
  reference: string;
  level: number;
}

export interface DeletedParagraph extends ParagraphChangeBase {
  kind: 'deleted';
  fromReference: string;
  fromLevel: number;
}

export type ParagraphChange = UnchangedParagraph | ChangedParagraph | AddedParagraph | DeletedParagraph;

/** Counts of paragraphs; `moved` overlaps `changed` and `unchanged`. */
export interface ComparisonSummary {
  changed: number;
  added: number;
  deleted: number;
  moved: number;
  unchanged: number;
}

export interface DraftComparison {
  /** In the order of the `to` version; deleted paragraphs follow their nearest surviving predecessor. */
  paragraphs: ParagraphChange[];
  summary: ComparisonSummary;
  /** "3 paragraphs changed, 1 added, 1 deleted, 1 moved" or "No changes". */
  summaryText: string;
}
