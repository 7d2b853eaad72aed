import { describeSummary } from '../../../shared/diff/summary';

const counts = { changed: 0, added: 0, deleted: 0, moved: 0, unchanged: 4 };

describe('describeSummary', () => {
  it('says "No changes" when nothing changed', () => {
    expect(describeSummary(counts)).toBe('No changes');
  });

  it('puts the noun, singular or plural, after the first count only', () => {
    expect(describeSummary({ ...counts, changed: 3, added: 1, deleted: 1, moved: 1 })).toBe(
      '3 paragraphs changed, 1 added, 1 deleted, 1 moved',
    );
    expect(describeSummary({ ...counts, changed: 1, deleted: 2 })).toBe('1 paragraph changed, 2 deleted');
    expect(describeSummary({ ...counts, added: 2 })).toBe('2 paragraphs added');
    expect(describeSummary({ ...counts, moved: 1 })).toBe('1 paragraph moved');
  });
});
