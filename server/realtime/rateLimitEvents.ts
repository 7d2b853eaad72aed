import type { Logger } from '../logger';
import type { EventRateLimiter } from './eventRateLimiter';
import type { SocketHandlers } from './types';

export const TOO_MANY_REQUESTS = 'too many requests; slow down';

/**
 * Every client event passes this middleware before its handler: past the user's budget it
 * is acknowledged `{ok: false, error, retryAfterMs}` and dropped; a socket that keeps
 * flooding is disconnected.
 */
export function rateLimitEvents(limiter: EventRateLimiter, logger: Logger): SocketHandlers {
  return (_io, socket) => {
    socket.use(([event, ...args], next) => {
      const user = socket.data.user.id;
      const verdict = limiter.take(user);
      if (verdict.allowed) return next();
      const log = logger.child({ event, user, socket: socket.id });
      if (verdict.flooding) {
        log.warn('socket disconnected for flooding events');
        socket.disconnect(true);
        return;
      }
      if (verdict.firstRefusal) log.warn({ retryAfterMs: verdict.retryAfterMs }, 'socket.io events throttled');
      const ack = args.at(-1);
      if (typeof ack === 'function') ack({ ok: false, error: TOO_MANY_REQUESTS, retryAfterMs: verdict.retryAfterMs });
    });
  };
}
