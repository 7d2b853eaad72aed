import type { CompiledDraft, CompiledParagraph, Segment } from '../../shared/compilation';
import { MARKS, type DraftModel, type Mark, type ModelParagraph, type ParagraphType, type Run } from './draftModel';
import { clampLevels } from './operativeLevels';

/**
 * The compilation text (shared/compilation.ts) as the writers' model: the words under pending
 * proposals in square brackets with the delegations' notes in bold ("[extreme – **US delete; G77
 * retain**]"), proposed words underlined, and alternatives and new paragraphs as their own
 * unnumbered paragraphs under their labels ("OP5 alt", "OP7bis"), so the numbering of the text
 * stays that of the text.
 */
export function readCompilation(compiled: CompiledDraft, date: string): DraftModel {
  return { paragraphs: clampLevels(compiled.paragraphs.map(paragraphOf)), date };
}

function paragraphOf(paragraph: CompiledParagraph): ModelParagraph {
  return {
    id: paragraph.id,
    type: paragraph.type as ParagraphType,
    level: paragraph.level,
    label: paragraph.label ?? '',
    number: '',
    runs: paragraph.segments.flatMap(runsOf),
    ...(paragraph.proposalId && { proposed: true }),
  };
}

function runsOf(segment: Segment): Run[] {
  if (segment.kind === 'text') return [{ text: segment.text, marks: segment.marks.filter((mark): mark is Mark => MARKS.has(mark)) }];
  const words: Run = { text: segment.text, marks: segment.kind === 'addition' ? ['underline'] : [] };
  return [{ text: '[', marks: [] }, words, { text: ' – ', marks: [] }, { text: segment.notes, marks: ['strong'] }, { text: ']', marks: [] }];
}
