import type {
  AddedParagraph,
  ChangedParagraph,
  DeletedParagraph,
  ParagraphInfo,
  Segment,
  SegmentOp,
  UnchangedParagraph,
} from './types';
import { diffWords } from './wordDiff';

export function addedParagraph(paragraph: ParagraphInfo): AddedParagraph {
  const { id, type, reference, level, text } = paragraph;
  return { kind: 'added', id, type, reference, level, segments: wholeText('insert', text) };
}

export function deletedParagraph(paragraph: ParagraphInfo): DeletedParagraph {
  const { id, type, reference, level, text } = paragraph;
  return { kind: 'deleted', id, type, fromReference: reference, fromLevel: level, segments: wholeText('delete', text) };
}

/** A paragraph present in both versions: unchanged only if its text, level and type all stayed. */
export function matchedParagraph(
  from: ParagraphInfo,
  to: ParagraphInfo,
  moved: boolean,
): UnchangedParagraph | ChangedParagraph {
  const common = {
    id: to.id,
    type: to.type,
    reference: to.reference,
    fromReference: from.reference,
    level: to.level,
    moved,
    segments: diffWords(from.text, to.text),
  };
  const levelChanged = from.level !== to.level;
  const typeChanged = from.type !== to.type;
  if (from.text === to.text && !levelChanged && !typeChanged) return { kind: 'unchanged', ...common };
  return { kind: 'changed', ...common, levelChanged, fromLevel: from.level, typeChanged, fromType: from.type };
}

/** An empty paragraph has no segments rather than one with empty text. */
function wholeText(op: SegmentOp, text: string): Segment[] {
  return text === '' ? [] : [{ op, text }];
}
