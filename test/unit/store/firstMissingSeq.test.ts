import { firstMissingSeq } from '../../../server/store/mongo/firstMissingSeq';

describe('firstMissingSeq (a MongoDB log tail read while others append)', () => {
  it('finds the first hole among per-draft seqs, counting from the snapshot', () => {
    expect(firstMissingSeq([{ seq: 4, batchId: 'b' }, { seq: 5, batchId: 'b' }], 3)).toBeNull();
    expect(firstMissingSeq([{ seq: 4, batchId: 'b' }, { seq: 6, batchId: 'c' }], 3)).toBe(5);
    expect(firstMissingSeq([{ seq: 5, batchId: 'b' }], 3)).toBe(4);
    expect(firstMissingSeq([], 3)).toBeNull();
  });

  it('lets entries logged before per-draft seqs keep their gaps, and checks from the first one after them', () => {
    const legacy = [{ seq: 2 }, { seq: 9 }, { seq: 40 }];
    expect(firstMissingSeq([...legacy, { seq: 41, batchId: 'b' }], 0)).toBeNull();
    expect(firstMissingSeq([...legacy, { seq: 42, batchId: 'b' }], 0)).toBe(41);
  });
});
