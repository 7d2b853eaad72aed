import { timedAppends } from '../../../server/metrics/timedAppends';
import type { DocumentStore, NewUpdate, StoredUpdate } from '../../../server/store/types';

const entry = (n: number): NewUpdate => ({ draftId: 'd', update: Uint8Array.of(n), authorId: 'a', at: new Date(0).toISOString() });
const stored = (entries: NewUpdate[]): StoredUpdate[] => entries.map((e, i) => ({ ...e, seq: i + 1 }));

describe('timedAppends', () => {
  const observed: Array<[string, ...number[]]> = [];
  const observer = {
    committed: (updates: number, seconds: number) => void observed.push(['committed', updates, seconds]),
    commitFailed: (seconds: number) => void observed.push(['failed', seconds]),
  };
  beforeEach(() => observed.splice(0));

  it('reports each write with the number of updates and how long the store took, passing every argument through', async () => {
    const append = jest.fn(async (batch: NewUpdate[]) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return stored(batch);
    });
    const started = performance.now();
    const result = await timedAppends({ append } as Pick<DocumentStore, 'append'>, observer).append([entry(1), entry(2)]);
    const elapsed = (performance.now() - started) / 1000;

    expect(result).toEqual(stored([entry(1), entry(2)]));
    expect(append).toHaveBeenCalledWith([entry(1), entry(2)]);
    expect(observed).toEqual([['committed', 2, expect.any(Number)]]);
    expect(observed[0][2]).toBeGreaterThanOrEqual(0.025);
    expect(observed[0][2]).toBeLessThanOrEqual(elapsed);
  });

  it('reports a failed write and still rejects with the store\'s error', async () => {
    const append = jest.fn().mockRejectedValue(new Error('disk full'));
    await expect(timedAppends({ append }, observer).append([entry(1)])).rejects.toThrow('disk full');
    expect(observed).toEqual([['failed', expect.any(Number)]]);
  });

  it('never turns a stored batch into a failure (it would be written twice), nor a failure into success, when the observer throws', async () => {
    const throwing = {
      committed: () => {
        throw new Error('observer broke');
      },
      commitFailed: () => {
        throw new Error('observer broke');
      },
    };
    const ok = jest.fn(async (batch: NewUpdate[]) => stored(batch));
    await expect(timedAppends({ append: ok }, throwing).append([entry(1)])).resolves.toEqual(stored([entry(1)]));
    const failing = jest.fn().mockRejectedValue(new Error('disk full'));
    await expect(timedAppends({ append: failing }, throwing).append([entry(1)])).rejects.toThrow('disk full');
  });
});
