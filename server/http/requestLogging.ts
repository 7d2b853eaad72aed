import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
import { redactUrl } from './redactUrl';
import { requestId } from './requestId';

/** Polled by load balancers and Prometheus every few seconds: logged only at debug level when they succeed. */
const POLLED = new Set(['/healthz', '/metrics']);

/**
 * One log line per HTTP request (method, redacted url, status, time) under a request id that is
 * echoed as `x-request-id`; `req.log` carries it for every later line about the request. Headers
 * (authorization, cookies) and query values that carry credentials are never logged.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger: logger.child({ component: 'http' }),
    genReqId: (req, res) => {
      const id = requestId(req.headers['x-request-id']);
      res.setHeader('x-request-id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string; raw: { ip?: string } }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        // express's req.ip: the client's address behind a trusted proxy (TRUST_PROXY), the peer's otherwise.
        remoteAddress: req.raw.ip ?? req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return POLLED.has(req.url?.split('?')[0] ?? '') ? 'debug' : 'info';
    },
  });
}
