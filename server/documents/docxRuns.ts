import { DeletedTextRun, InsertedTextRun, TextRun, type IRunOptions } from 'docx';
import type { Run, RunChange } from './draftModel';

/** Numbers the revisions of one document: Word wants each w:ins / w:del id unique. */
export type RevisionIds = () => number;

/** A change as Word records it: who (the delegation) and when. */
export function revision(change: RunChange, nextId: RevisionIds) {
  return { id: nextId(), author: change.author, date: change.at };
}

/** The runs of a paragraph as Word runs, tracked ones wrapped in w:ins / w:del; `style` is added to each. */
export function docxRuns(runs: readonly Run[], nextId: RevisionIds, style: IRunOptions = {}): Array<TextRun | InsertedTextRun | DeletedTextRun> {
  return runs.map((run) => {
    const options = {
      ...style,
      text: run.text,
      italics: run.marks.includes('em') || style.italics,
      bold: run.marks.includes('strong') || style.bold,
      ...(run.marks.includes('underline') && { underline: {} }),
    };
    if (run.change?.kind === 'insert') return new InsertedTextRun({ ...options, ...revision(run.change, nextId) });
    if (run.change?.kind === 'delete') return new DeletedTextRun({ ...options, ...revision(run.change, nextId) });
    return new TextRun(options);
  });
}
