import { Router } from 'express';
import type { Health } from '../health/health';

/** /healthz: 200 with every check passing, 503 with the same report otherwise (for load balancers and operators). */
export function healthRouter(health: Pick<Health, 'report'>): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const report = await health.report();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  return router;
}
