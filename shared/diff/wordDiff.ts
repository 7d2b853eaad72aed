import { diffSequences } from './myers';
import { segmentsFromRuns } from './segments';
import { tokenize } from './tokenize';
import type { Segment } from './types';

/**
 * Word-level differences between two texts. Joining the equal and insert segments
 * gives `to`, joining the equal and delete segments gives `from`.
 */
export function diffWords(from: string, to: string): Segment[] {
  const fromTokens = tokenize(from);
  const toTokens = tokenize(to);
  // One integer per distinct token, shared by both sides, so the diff compares numbers.
  const ids = new Map<string, number>();
  const intern = (tokens: string[]): Int32Array =>
    Int32Array.from(tokens, (token) => {
      let id = ids.get(token);
      if (id === undefined) {
        id = ids.size;
        ids.set(token, id);
      }
      return id;
    });
  const runs = diffSequences(intern(fromTokens), intern(toTokens));
  return segmentsFromRuns(runs, fromTokens, toTokens);
}
