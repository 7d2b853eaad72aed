import { CloseCode } from '../../shared/closeCodes';

/** Standard codes a websocket ends with on its own: normal, abnormal (no close frame), no status. */
const STANDARD = [1000, 1001, 1005, 1006, 1009, 1011];
const KNOWN = new Set<number>([...STANDARD, ...Object.values(CloseCode)]);

/**
 * A client chooses its own close code (any of 1000-4999): a label per value would let it grow
 * the metric without bound, so only the codes we or the protocol use get their own.
 */
export function closeCodeLabel(code: number): string {
  return KNOWN.has(code) ? String(code) : 'other';
}
