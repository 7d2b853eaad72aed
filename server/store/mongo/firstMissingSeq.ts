/**
 * The first seq missing from a log tail read in seq order after `afterSeq`, or null when it has
 * no hole. Entries logged before per-draft seqs (no batch id) kept their store-wide seqs, whose
 * gaps are other drafts' entries: only an entry with a batch id must follow right on.
 */
export function firstMissingSeq(docs: ReadonlyArray<{ seq: number; batchId?: string }>, afterSeq: number): number | null {
  let previous = afterSeq;
  for (const { seq, batchId } of docs) {
    if (batchId !== undefined && seq > previous + 1) return previous + 1;
    previous = seq;
  }
  return null;
}
