import type { MarkName, Run } from './sourceParagraph';

export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

const sameMarks = (a: readonly MarkName[], b: readonly MarkName[]) => a.length === b.length && a.every((mark) => b.includes(mark));

/** Adjacent runs with the same marks joined, empty ones dropped. */
export function mergeRuns(runs: readonly Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = merged[merged.length - 1];
    if (last && sameMarks(last.marks, run.marks)) last.text += run.text;
    else merged.push({ text: run.text, marks: [...run.marks] });
  }
  return merged;
}

/** The runs covering characters [start, end) of their joined text. */
export function sliceRuns(runs: readonly Run[], start: number, end = Infinity): Run[] {
  const sliced: Run[] = [];
  let at = 0;
  for (const run of runs) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + run.text.length);
    if (to > from) sliced.push({ text: run.text.slice(from - at, to - at), marks: run.marks });
    at += run.text.length;
  }
  return mergeRuns(sliced);
}

/** Tabs and runs of spaces become one space; leading and trailing space and control characters go. */
export function normalizeRuns(runs: readonly Run[]): Run[] {
  const collapsed: Run[] = [];
  let lastWasSpace = true;
  for (const run of runs) {
    let text = '';
    // eslint-disable-next-line no-control-regex
    for (const char of run.text.replace(/[\t\r\n\f\v]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '')) {
      if (char === ' ' && lastWasSpace) continue;
      text += char;
      lastWasSpace = char === ' ';
    }
    collapsed.push({ text, marks: run.marks });
  }
  const merged = mergeRuns(collapsed);
  const text = runsText(merged);
  return text.endsWith(' ') ? sliceRuns(merged, 0, text.length - 1) : merged;
}

/** Splits runs at line breaks into one list of runs per line. */
export function splitLines(runs: readonly Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ text: part, marks: run.marks });
    });
  }
  return lines;
}
