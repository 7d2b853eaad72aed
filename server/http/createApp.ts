import express, { type Express, type Router } from 'express';
import type { AccountService } from '../auth/accountService';
import type { AuthService } from '../auth/authService';
import type { AuditLog } from '../domain/audit/auditLog';
import type { Logger } from '../logger';
import type { Health } from '../health/health';
import type { Metrics } from '../metrics/metrics';
import { authRouter, type LoginLimits } from './authRouter';
import { clientRouter } from './clientRouter';
import { HttpError, errorHandler } from './httpError';
import { healthRouter } from './healthRouter';
import { metricsRouter } from './metricsRouter';
import { requestLogging } from './requestLogging';
import { requireAuth } from './requireAuth';
import { securityHeaders } from './securityHeaders';

export interface AppParts {
  health: Health;
  metrics: Pick<Metrics, 'scrape'>;
  /** See Config.metricsToken. */
  metricsToken: string | null;
  /** See Config.trustProxy. */
  trustProxy: number | string | null;
  auth: AuthService;
  accounts: AccountService;
  audit: AuditLog;
  logger: Logger;
  /** Routers mounted under /api behind authentication: [path, router] in order. */
  apiRouters: Array<[string, Router]>;
  clientDir: string | null;
  loginLimits: LoginLimits;
}

/** The express app: request logs, health and metrics, sign-in, authenticated API, then the browser app. */
export function createApp({ health, metrics, metricsToken, trustProxy, auth, accounts, audit, logger, apiRouters, clientDir, loginLimits }: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  if (trustProxy !== null) app.set('trust proxy', trustProxy);
  app.use(requestLogging(logger));
  app.use(securityHeaders());
  app.use(express.json({ limit: '256kb' }));
  app.use(healthRouter(health));
  app.use(metricsRouter(metrics, metricsToken));
  app.use('/api', authRouter(auth, accounts, audit, logger, loginLimits));
  app.use('/api', requireAuth(auth));
  for (const [mountPath, router] of apiRouters) app.use(`/api${mountPath}`, router);
  app.use('/api', (_req, _res, next) => next(new HttpError(404, 'no such API route')));
  if (clientDir) app.use(clientRouter(clientDir));
  app.use(errorHandler(logger));
  return app;
}
