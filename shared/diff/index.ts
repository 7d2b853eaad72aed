export { compareDrafts, compareParagraphs } from './compareDrafts';
export { extractParagraphs } from './paragraphs';
export { diffWords } from './wordDiff';
export type {
  AddedParagraph,
  ChangedParagraph,
  ComparisonSummary,
  DeletedParagraph,
  DocJson,
  DraftComparison,
  ParagraphChange,
  ParagraphInfo,
  Segment,
  SegmentOp,
  UnchangedParagraph,
} from './types';
