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
 */
export class ClockRanges {
  private readonly byClient = new Map<number, Array<{ start: number; end: number; writer: Writer }>>();

  note(client: number, start: number, length: number, writer: Writer): void {
    if (length <= 0) return;
    const ranges = this.byClient.get(client) ?? [];
    ranges.push({ start, end: start + length, writer });
    this.byClient.set(client, ranges);
  }

  /** [start, end) of `client` cut where noted ranges begin or end, each piece with its first writer. */
  pieces(client: number, start: number, end: number): ClockPiece[] {
    const overlapping = (this.byClient.get(client) ?? []).filter((range) => range.start < end && range.end > start);
    const cuts = new Set([start, end]);
    for (const range of overlapping) {
      if (range.start > start) cuts.add(range.start);
      if (range.end < end) cuts.add(range.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    return points.slice(0, -1).map((from, k) => ({
      start: from,
      end: points[k + 1],
      writer: overlapping.find((range) => range.start <= from && range.end > from)?.writer ?? null,
    }));
  }
}
