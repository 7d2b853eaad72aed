import { Router } from 'express';
import { integrityReport } from '../domain/integrityReport';
import type { Store } from '../store/types';

/** /healthz: 200 once the store answers, 503 while it does not (for load balancers). */
export function healthRouter(store: Store): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ok', integrity: integrityReport(store.corruption) });
    } catch {
      res.status(503).json({ status: 'unavailable', error: 'store unreachable' });
    }
  });
  return router;
}
