import type { HealthCheck } from './health';

/** The Redis link is connected (multi-instance mode): without it this instance's edits reach no other instance. */
export function redisCheck(redisUp: () => boolean): HealthCheck {
  return () => (redisUp() ? { ok: true } : { ok: false, error: 'redis unreachable' });
}
