/** Websocket close codes of the Yjs channel (4000-4999 are free for applications). */
export const CloseCode = {
  /** Frame did not parse, unknown message type, or an update the server refused (see server/collab/validateUpdate.ts). */
  BadMessage: 4400,
  /** Missing, malformed or expired token; or the session ended (token expired, account removed, role changed). */
  Unauthorized: 4401,
  /** The draft does not exist. */
  UnknownDraft: 4404,
  /** Frame larger than the configured limit (the standard "message too big"). */
  TooLarge: 1009,
  /** Too many frames in too short a time, too many connections (per account, or signing in), too much data before sign-in. */
  RateLimited: 4429,
  /** The document could not be loaded; the client should retry later. */
  Unavailable: 4503,
  /**
   * Too many of the client's updates wait for its own changes the server has not received, or
   * the client does not read what it is sent (too much queued for it); it should reconnect and sync. In the 45xx "try again" range, so stock y-websocket clients retry.
   */
  Resync: 4509,
  /** The server is shutting down. */
  GoingAway: 1001,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
