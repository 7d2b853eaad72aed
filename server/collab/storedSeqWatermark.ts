/**
 * The highest seq S of a draft's log such that every entry with seq <= S is known to be in the
 * room's state. Seqs are gap-free per draft, so S only moves up through an unbroken run: an
 * entry another instance stored (and this one has not heard of yet) holds it back, and the
 * entries noted above it wait here until it is noted too.
 */
export class StoredSeqWatermark {
  private readonly above = new Set<number>();

  constructor(private current: number) {}

  get value(): number {
    return this.current;
  }

  /** Seqs noted above a missing one (what a stalled watermark is waiting with). */
  get waiting(): number {
    return this.above.size;
  }

  note(seq: number): void {
    if (seq <= this.current) return;
    this.above.add(seq);
    while (this.above.delete(this.current + 1)) this.current += 1;
  }
}
