/** pruneAuto(draftId, -1) must fail loudly rather than delete every automatic version. */
export function assertKeep(keep: number): void {
  if (!Number.isInteger(keep) || keep < 0) throw new RangeError(`keep must be a non-negative integer, got ${keep}`);
}
