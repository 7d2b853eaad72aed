import type { ImportProblem } from '../../../shared/draftImport';

/** At most this much of a line is quoted back in a problem. */
const QUOTED = 200;

export function problem(line: number, text: string, reason: string): ImportProblem {
  return { line, text: text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text, reason };
}
