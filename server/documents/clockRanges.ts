/** Who wrote what in a range of history: a delegation and the time of its update. */
export interface Writer {
  author: string;
  at: string;
}

/** A stretch [start, end) of one Yjs client's clocks, and who it belongs to (null: nobody noted). */
export interface ClockPiece {
  start: number;
  end: number;
  writer: Writer | null;
}

/**
 * Ranges of Yjs ids (client, clock) noted with the update that inserted or deleted them. The
 * first note of an id wins: a later update naming it again (a resent deletion) changed nothing.
 * Per client the ranges are kept sorted and disjoint, so both calls are a binary search away.
 */
export class ClockRanges {
  private readonly byClient = new Map<number, ClockPiece[]>();

  note(client: number, start: number, length: number, writer: Writer): void {
    const ranges = this.byClient.get(client) ?? [];
    this.byClient.set(client, ranges);
    const end = start + length;
    let from = start;
    // Fill only the gaps between the ranges already noted.
    for (let i = firstEndingAfter(ranges, start); from < end; i++) {
      const next = ranges[i];
      const gapEnd = next && next.start < end ? next.start : end;
      if (gapEnd > from) ranges.splice(i++, 0, { start: from, end: gapEnd, writer });
      if (!next || next.start >= end) break;
      from = Math.max(from, next.end);
    }
  }

  /** [start, end) of `client` cut where noted ranges begin or end, each piece with its writer. */
  pieces(client: number, start: number, end: number): ClockPiece[] {
    const ranges = this.byClient.get(client) ?? [];
    const pieces: ClockPiece[] = [];
    let at = start;
    for (let i = firstEndingAfter(ranges, start); at < end; i++) {
      const range = ranges[i];
      if (!range || range.start >= end) {
        pieces.push({ start: at, end, writer: null });
        break;
      }
      if (range.start > at) pieces.push({ start: at, end: (at = range.start), writer: null });
      const stop = Math.min(range.end, end);
      pieces.push({ start: at, end: stop, writer: range.writer });
      at = stop;
    }
    return pieces;
  }
}

/** The index of the first range ending after `clock` (ranges sorted and disjoint, so their ends ascend too). */
function firstEndingAfter(ranges: ClockPiece[], clock: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end > clock) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
