/** Query parameters that carry credentials: a sign-in token, a Yjs ticket, or anything named like a secret. */
const SECRET_PARAM = /([?&](?:token|ticket|access_token|password|secret|key|auth|authorization)=)[^&#]*/gi;

/** The url with the values of credential-bearing query parameters replaced, fit for a log line. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAM, '$1[REDACTED]');
}
