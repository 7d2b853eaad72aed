import { randomUUID } from 'node:crypto';

/** What a client or proxy may send as `x-request-id`: a uuid, a trace id, nothing that could forge a log line. */
const ACCEPTED = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's id: the caller's `x-request-id` when it is well formed, otherwise a new uuid. */
export function requestId(sent: string | string[] | undefined): string {
  return typeof sent === 'string' && ACCEPTED.test(sent) ? sent : randomUUID();
}
