import type { PersistenceHealth } from '../collab/persistenceQueue';
import type { HealthCheck } from './health';

/**
 * Edits are being saved: the last write succeeded, the backlog is under its cap, and nothing
 * has waited longer than `stalledAfterMs` (a store that hangs fails no write, it just never answers).
 */
export function writesCheck(queue: { health(): PersistenceHealth }, stalledAfterMs: number): HealthCheck {
  return () => {
    const health = queue.health();
    const stalled = (health.oldestUnsavedMs ?? 0) >= stalledAfterMs;
    return { ok: health.consecutiveFailures === 0 && !health.overloaded && !stalled, ...health };
  };
}
