import { Router } from 'express';
import type { Metrics } from '../metrics/metrics';
import { metricsAccess } from './metricsAccess';

/** GET /metrics: the Prometheus exposition, to this host or to bearers of the METRICS_TOKEN (see metricsAccess). */
export function metricsRouter(metrics: Pick<Metrics, 'scrape'>, token: string | null): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    const access = metricsAccess(req, token);
    if (!access.allowed) {
      req.log.warn({ status: access.status }, 'metrics scrape refused');
      res.status(access.status).json({ error: access.error });
      return;
    }
    const { contentType, body } = await metrics.scrape();
    res.type(contentType).send(body);
  });
  return router;
}
