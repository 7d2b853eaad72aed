import { leadWordsLength } from '../../shared/leadWords';
import { acceptedText, type ModelParagraph, type Run } from './draftModel';

/** Preambular and operative paragraphs open with lead words in italics; sub-paragraphs do not. */
export function hasLeadWords(paragraph: ModelParagraph): boolean {
  return paragraph.type === 'preambular_paragraph' || (paragraph.type === 'operative_paragraph' && paragraph.level === 0);
}

/**
 * The runs with the lead words ("Noting with concern") in italics, split where the lead phrase
 * ends. The phrase is found in the text as it reads with the changes accepted; a deleted run
 * inside it is set in italics too.
 */
export function withLeadWords(paragraph: ModelParagraph): Run[] {
  if (!hasLeadWords(paragraph)) return paragraph.runs;
  let left = leadWordsLength(acceptedText(paragraph.runs));
  return paragraph.runs.flatMap((run): Run[] => {
    if (left <= 0) return [run];
    if (run.change?.kind === 'delete') return [italic(run)];
    const head = run.text.slice(0, left);
    const tail = run.text.slice(left);
    left -= head.length;
    return tail === '' ? [italic(run)] : [italic({ ...run, text: head }), { ...run, text: tail }];
  });
}

function italic(run: Run): Run {
  return run.marks.includes('em') ? run : { ...run, marks: [...run.marks, 'em'] };
}
