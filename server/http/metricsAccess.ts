import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type MetricsAccess = { allowed: true } | { allowed: false; status: 401 | 403; error: string };

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Set by a reverse proxy: the request came from somewhere else, even if the proxy runs on this host. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Who may read /metrics: with a METRICS_TOKEN, whoever sends it as a bearer token; without one,
 * only a process on this host talking to the server directly (not through a proxy).
 */
export function metricsAccess(request: IncomingMessage, token: string | null): MetricsAccess {
  if (token !== null) {
    const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    return sent !== undefined && sameSecret(sent, token)
      ? { allowed: true }
      : { allowed: false, status: 401, error: 'metrics need the METRICS_TOKEN as a bearer token' };
  }
  const direct = LOOPBACK.has(request.socket.remoteAddress ?? '') && FORWARDED.every((header) => request.headers[header] === undefined);
  return direct ? { allowed: true } : { allowed: false, status: 403, error: 'metrics are served to this host only (set METRICS_TOKEN to scrape from elsewhere)' };
}

/** Compares digests, so neither the content nor the length of the secret shows in the time taken. */
function sameSecret(sent: string, secret: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(sent), digest(secret));
}
