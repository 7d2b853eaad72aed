import type { SegmentOp } from './types';

/** `length` consecutive elements that are kept, deleted from `a` or inserted from `b`. */
export interface EditRun {
  op: SegmentOp;
  length: number;
}

/**
 * How many diagonal steps one middle-snake search may take before the region it
 * works on is reported as replaced wholesale. The search costs about
 * (n + m) * d, so this keeps a pathological comparison (two unrelated texts of
 * thousands of words) to a fraction of a second instead of minutes.
 */
const WORK_BUDGET = 50_000_000;

/**
 * A shortest edit script from `a` to `b` (Myers' O(ND) algorithm in its linear-space
 * form: find the middle snake, recurse on both halves). Elements are integers so
 * that comparing two tokens is one machine comparison.
 */
export function diffSequences(a: Int32Array, b: Int32Array): EditRun[] {
  const runs: EditRun[] = [];
  diffInto(a, b, runs);
  return runs;
}

function diffInto(a: Int32Array, b: Int32Array, runs: EditRun[]): void {
  const prefix = commonPrefix(a, b);
  const suffix = commonSuffix(a.subarray(prefix), b.subarray(prefix));
  const midA = a.subarray(prefix, a.length - suffix);
  const midB = b.subarray(prefix, b.length - suffix);
  pushRun(runs, 'equal', prefix);
  const split = midA.length > 0 && midB.length > 0 ? middleSnake(midA, midB) : null;
  if (split) {
    diffInto(midA.subarray(0, split.x), midB.subarray(0, split.y), runs);
    diffInto(midA.subarray(split.x), midB.subarray(split.y), runs);
  } else {
    pushRun(runs, 'delete', midA.length);
    pushRun(runs, 'insert', midB.length);
  }
  pushRun(runs, 'equal', suffix);
}

function pushRun(runs: EditRun[], op: SegmentOp, length: number): void {
  if (length === 0) return;
  const last = runs[runs.length - 1];
  if (last?.op === op) last.length += length;
  else runs.push({ op, length });
}

function commonPrefix(a: Int32Array, b: Int32Array): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: Int32Array, b: Int32Array): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/**
 * Where a shortest path crosses its middle, searching forward from the start and
 * backward from the end at once (as in diff-match-patch's bisect). Expects `a` and
 * `b` non-empty with their first and last elements differing, so the split point
 * always leaves two strictly smaller problems. Null when the work budget runs out.
 */
function middleSnake(a: Int32Array, b: Int32Array): { x: number; y: number } | null {
  const n = a.length;
  const m = b.length;
  const maxD = Math.ceil((n + m) / 2);
  const dLimit = Math.min(maxD, Math.max(1, Math.floor(WORK_BUDGET / (n + m))));
  const offset = maxD;
  // Two spare cells so that the seeds at offset + 1 fit even when maxD is 1.
  const size = 2 * maxD + 2;
  const forward = new Int32Array(size).fill(-1);
  const backward = new Int32Array(size).fill(-1);
  forward[offset + 1] = 0;
  backward[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the paths meet while extending forward, with an even one backward.
  const checkForward = delta % 2 !== 0;
  // Diagonals that ran off the grid are trimmed from the next rounds.
  let fStart = 0;
  let fEnd = 0;
  let bStart = 0;
  let bEnd = 0;

  for (let d = 0; d < dLimit; d++) {
    for (let k = -d + fStart; k <= d - fEnd; k += 2) {
      const i = offset + k;
      let x = k === -d || (k !== d && forward[i - 1] < forward[i + 1]) ? forward[i + 1] : forward[i - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      forward[i] = x;
      if (x > n) fEnd += 2;
      else if (y > m) fStart += 2;
      else if (checkForward) {
        const j = offset + delta - k;
        if (j >= 0 && j < size && backward[j] !== -1 && x >= n - backward[j]) return { x, y };
      }
    }

    for (let k = -d + bStart; k <= d - bEnd; k += 2) {
      const i = offset + k;
      let x = k === -d || (k !== d && backward[i - 1] < backward[i + 1]) ? backward[i + 1] : backward[i - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[n - x - 1] === b[m - y - 1]) {
        x++;
        y++;
      }
      backward[i] = x;
      if (x > n) bEnd += 2;
      else if (y > m) bStart += 2;
      else if (!checkForward) {
        const j = offset + delta - k;
        if (j >= 0 && j < size && forward[j] !== -1) {
          const forwardX = forward[j];
          if (forwardX >= n - x) return { x: forwardX, y: forwardX - (j - offset) };
        }
      }
    }
  }
  return null;
}
