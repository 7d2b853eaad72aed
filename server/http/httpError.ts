import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';
import { describeIssues } from '../../shared/validation/requests';
import { DomainError } from '../domain/domainError';
import type { Logger } from '../logger';
import { redactUrl } from './redactUrl';

/** An error that becomes an HTTP status with a JSON `{error}` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Parses a request body or query, or throws a 400 naming what is wrong. */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error));
  return parsed.data;
}

/** Last middleware: every failure leaves as JSON and is logged; nothing leaks a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = err instanceof HttpError || err instanceof DomainError ? err.status : typeof err?.status === 'number' ? err.status : 500;
    const known = err instanceof HttpError || err instanceof DomainError;
    const message = status >= 500 && !(err instanceof DomainError) ? 'internal server error' : known ? err.message : publicMessage(err);
    // The request's own logger (its id, method and redacted url) when request logging is on.
    const log = req.log ?? logger.child({ method: req.method, url: redactUrl(req.originalUrl) });
    // Client errors are logged without the error object: it can carry the request body (passwords).
    if (status >= 500) log.error({ err, status }, 'request failed');
    else log.warn({ status, error: message }, 'request refused');
    res.status(status).json({ error: message });
  };
}

/** Errors raised by express itself (bad JSON, body too large) carry a safe `type`. */
function publicMessage(err: { type?: string; message?: string }): string {
  if (err.type === 'entity.parse.failed') return 'request body is not valid JSON';
  if (err.type === 'entity.too.large') return 'request body too large';
  return err.message ?? 'bad request';
}
