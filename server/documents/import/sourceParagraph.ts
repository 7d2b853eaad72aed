/** The inline marks the resolution schema keeps (shared/schema.ts). */
export type MarkName = 'em' | 'strong' | 'underline';

/** A stretch of text with the same marks. */
export interface Run {
  text: string;
  marks: MarkName[];
}

/** How Word numbers a paragraph: its list level and the format Word prints at that level. */
export interface ListNumber {
  /** w:ilvl, 0 for the top level. */
  ilvl: number;
  /** w:numFmt: decimal, lowerLetter, lowerRoman, upperLetter, upperRoman, bullet... */
  format: string;
  /** w:lvlText, such as "%1." or "(%2)". */
  text: string;
}

/** One paragraph as read from the file, before anything is classified. */
export interface SourceParagraph {
  /** 1-based position among the file's non-empty paragraphs (what problems refer to). */
  line: number;
  runs: Run[];
  /** Word's automatic numbering, when the paragraph has it. */
  listNumber: ListNumber | null;
}
