import { randomUUID } from 'node:crypto';

const MAX_BATCH_ID_LENGTH = 128;

/**
 * The idempotency key of an appended batch: the caller's (kept across its retries), or a fresh
 * one for a call that is never retried. Checked before anything is written.
 */
export function batchIdOf(batchId?: string): string {
  if (batchId === undefined) return randomUUID();
  if (typeof batchId !== 'string' || batchId.length === 0 || batchId.length > MAX_BATCH_ID_LENGTH) {
    throw new TypeError(`A batch id is a string of 1 to ${MAX_BATCH_ID_LENGTH} characters`);
  }
  return batchId;
}

/** A batch id found on fewer or more entries than the batch has: the caller reused it for another batch. */
export class ReusedBatchIdError extends Error {
  constructor(batchId: string) {
    super(`Batch id ${batchId} was already used for a different batch`);
    this.name = 'ReusedBatchIdError';
  }
}
