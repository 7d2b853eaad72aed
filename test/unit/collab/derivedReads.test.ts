import { DerivedReads } from '../../../server/collab/derivedReads';
import type { BinaryState } from '../../../server/collab/roomDocument';

const stateOf = (byte: number): BinaryState => ({ state: new Uint8Array([byte]), stateVector: new Uint8Array([0]) });

describe('DerivedReads', () => {
  // Only keys here: DerivedReads calls `compute`, never the derivation itself.
  const first = (): unknown => null;
  const second = (): unknown => null;

  it('computes each derivation once per binary state, again for a new state of the draft', () => {
    const reads = new DerivedReads(2);
    const state = stateOf(1);
    let computed = 0;
    const compute = (): unknown => `result ${++computed}`;
    expect([reads.get('d1', state, first, compute), reads.get('d1', state, first, compute)]).toEqual(['result 1', 'result 1']);
    expect(reads.get('d1', state, second, compute)).toBe('result 2');
    // Equal bytes, but another state object: the room went live and back.
    expect(reads.get('d1', stateOf(1), first, compute)).toBe('result 3');
  });

  it('keeps the drafts read last, up to its capacity, and forgets a draft when told', () => {
    const reads = new DerivedReads(2);
    const states = [stateOf(1), stateOf(2), stateOf(3)];
    let computed = 0;
    const compute = (): unknown => ++computed;
    reads.get('d1', states[0], first, compute);
    reads.get('d2', states[1], first, compute);
    reads.get('d1', states[0], first, compute);
    reads.get('d3', states[2], first, compute);
    expect(computed).toBe(3);
    // d2 was the least recently read: gone; d1 and d3 kept.
    expect([reads.get('d1', states[0], first, compute), reads.get('d3', states[2], first, compute), reads.get('d2', states[1], first, compute)]).toEqual([1, 3, 4]);
    reads.forget('d3');
    expect(reads.get('d3', states[2], first, compute)).toBe(5);
  });
});
