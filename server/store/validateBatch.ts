import type { NewUpdate } from './types';

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Rejects a batch before anything is written, so an adapter that cannot roll back
 * (MongoDB without transactions) never starts a write it would have to undo.
 */
export function validateBatch(batch: readonly NewUpdate[]): void {
  if (!Array.isArray(batch)) throw new TypeError('append() expects an array of updates');
  batch.forEach((entry: Partial<NewUpdate> | null | undefined, index) => {
    const problem =
      typeof entry !== 'object' || entry === null ? 'is not an object'
      : !isNonEmptyString(entry.draftId) ? 'has no draftId'
      : !(entry.update instanceof Uint8Array) ? 'has an update that is not a Uint8Array'
      : !isNonEmptyString(entry.authorId) ? 'has no authorId'
      : !isNonEmptyString(entry.at) || Number.isNaN(Date.parse(entry.at)) ? 'has no valid time'
      : null;
    if (problem) throw new TypeError(`Update ${index} of the batch ${problem}`);
  });
}
