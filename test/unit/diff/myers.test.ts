import { diffSequences, type EditRun } from '../../../shared/diff/myers';
import { seededRandom } from '../../helpers/seededRandom';

/** Length of a longest common subsequence by dynamic programming, the reference for optimality. */
function lcsLength(a: number[], b: number[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

function apply(runs: EditRun[], a: number[], b: number[]): { from: number[]; to: number[] } {
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  let j = 0;
  for (const { op, length } of runs) {
    if (op !== 'insert') from.push(...a.slice(i, i + length));
    if (op !== 'delete') to.push(...b.slice(j, j + length));
    if (op === 'equal') expect(a.slice(i, i + length)).toEqual(b.slice(j, j + length));
    if (op !== 'insert') i += length;
    if (op !== 'delete') j += length;
  }
  return { from, to };
}

describe('diffSequences', () => {
  it('handles empty inputs', () => {
    expect(diffSequences(new Int32Array([]), new Int32Array([]))).toEqual([]);
    expect(diffSequences(new Int32Array([1, 2]), new Int32Array([]))).toEqual([{ op: 'delete', length: 2 }]);
    expect(diffSequences(new Int32Array([]), new Int32Array([1]))).toEqual([{ op: 'insert', length: 1 }]);
  });

  it('finds a shortest edit script and merges neighbouring runs of one kind (seeded, 2,000 rounds)', () => {
    const random = seededRandom(20180514);
    for (let round = 0; round < 2000; round++) {
      const alphabet = 1 + Math.floor(random() * 6);
      const sequence = () => Array.from({ length: Math.floor(random() * 25) }, () => Math.floor(random() * alphabet));
      const a = sequence();
      const b = random() < 0.3 ? [...a].reverse() : sequence();
      const runs = diffSequences(Int32Array.from(a), Int32Array.from(b));

      expect(apply(runs, a, b)).toEqual({ from: a, to: b });
      const kept = runs.filter((run) => run.op === 'equal').reduce((sum, run) => sum + run.length, 0);
      expect(kept).toBe(lcsLength(a, b));
      runs.forEach((run, k) => {
        expect(run.length).toBeGreaterThan(0);
        if (k > 0) expect(run.op).not.toBe(runs[k - 1].op);
      });
    }
  });
});
