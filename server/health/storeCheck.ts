import type { Store } from '../store/types';
import type { HealthCheck } from './health';

/** The store answers a ping. */
export function storeCheck(store: Pick<Store, 'ping'>): HealthCheck {
  return async () => {
    try {
      await store.ping();
      return { ok: true };
    } catch {
      return { ok: false, error: 'store unreachable' };
    }
  };
}
