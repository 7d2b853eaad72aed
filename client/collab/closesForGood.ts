import { CloseCode } from '../../shared/closeCodes';

/**
 * Whether a close code of the Yjs channel ends the session: only when signing in again or
 * the draft being gone is the answer. Every other refusal (a frame the server would not take,
 * a resync, a rate limit, an outage) is retried with y-websocket's backoff, and the local text
 * is sent again in the next sync.
 */
export function closesForGood(code: number): boolean {
  return code === CloseCode.Unauthorized || code === CloseCode.UnknownDraft;
}
