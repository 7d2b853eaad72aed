import { ClockRanges } from '../../../server/documents/clockRanges';

const kz = { author: 'Kazakhstan', at: '1' };
const by = { author: 'Belarus', at: '2' };
const who = (ranges: ClockRanges, client: number, start: number, end: number) =>
  ranges.pieces(client, start, end).map(({ start: s, end: e, writer }) => [s, e, writer?.author ?? null]);

describe('ClockRanges', () => {
  it('cuts a stretch where noted ranges begin and end, with the gaps unnoted', () => {
    const ranges = new ClockRanges();
    ranges.note(7, 10, 5, kz);
    ranges.note(7, 20, 5, by);
    expect(who(ranges, 7, 0, 30)).toEqual([[0, 10, null], [10, 15, 'Kazakhstan'], [15, 20, null], [20, 25, 'Belarus'], [25, 30, null]]);
    expect(who(ranges, 7, 12, 22)).toEqual([[12, 15, 'Kazakhstan'], [15, 20, null], [20, 22, 'Belarus']]);
    expect(who(ranges, 8, 0, 3)).toEqual([[0, 3, null]]);
  });

  it('keeps the first note of an id, whatever the order notes come in', () => {
    const ranges = new ClockRanges();
    ranges.note(1, 50, 10, kz);
    ranges.note(1, 5, 3, kz);
    ranges.note(1, 0, 100, by);
    expect(who(ranges, 1, 0, 100)).toEqual([[0, 5, 'Belarus'], [5, 8, 'Kazakhstan'], [8, 50, 'Belarus'], [50, 60, 'Kazakhstan'], [60, 100, 'Belarus']]);
  });
});
