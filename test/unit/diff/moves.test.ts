import { outsideLongestIncreasing } from '../../../shared/diff/moves';

describe('outsideLongestIncreasing', () => {
  it('flags nothing in order and nothing when empty', () => {
    expect(outsideLongestIncreasing([])).toEqual([]);
    expect(outsideLongestIncreasing([0, 1, 2, 5])).toEqual([false, false, false, false]);
  });

  it('flags one paragraph moved far, not the ones it jumped over', () => {
    expect(outsideLongestIncreasing([6, 0, 1, 2, 3, 4, 5])).toEqual([true, false, false, false, false, false, false]);
    expect(outsideLongestIncreasing([1, 2, 3, 4, 0])).toEqual([false, false, false, false, true]);
  });

  it('flags the fewest paragraphs in a shuffle', () => {
    const flags = outsideLongestIncreasing([2, 0, 1, 5, 3, 4]);
    expect(flags.filter(Boolean)).toHaveLength(2);
    expect(flags).toEqual([true, false, false, true, false, false]);
  });
});
