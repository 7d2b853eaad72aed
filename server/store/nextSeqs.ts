/**
 * The positions of a batch's entries: each draft's entries continue its log right after its
 * newest entry (`lastSeqOf`, 0 for an empty log), one after the other in batch order.
 */
export function nextSeqs(draftIds: readonly string[], lastSeqOf: (draftId: string) => number): number[] {
  const next = new Map<string, number>();
  return draftIds.map((draftId) => {
    const seq = next.get(draftId) ?? lastSeqOf(draftId) + 1;
    next.set(draftId, seq + 1);
    return seq;
  });
}
