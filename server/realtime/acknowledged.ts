import type { z } from 'zod';
import type { Ack } from '../../shared/events';
import { describeIssues } from '../../shared/validation/requests';
import { DomainError } from '../domain/domainError';
import type { Logger } from '../logger';
import type { AppSocket } from './types';


/**
 * Wraps an event handler: validates the payload, requires an acknowledgement callback,
 * and turns every outcome into `{ok: true, ...}` or `{ok: false, error}`, logging refusals.
 */
export function acknowledged<S extends z.ZodType, R extends object>(
  socket: AppSocket,
  logger: Logger,
  event: string,
  schema: S,
  handle: (payload: z.infer<S>) => Promise<R> | R,
): (payload: unknown, ack: unknown) => Promise<void> {
  return async (payload, ack) => {
    const reply = typeof ack === 'function' ? (ack as (response: Ack<R>) => void) : () => {};
    const log = logger.child({ event, user: socket.data.user.id, socket: socket.id });
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const error = describeIssues(parsed.error);
      log.warn({ error }, 'invalid event payload');
      return reply({ ok: false, error });
    }
    try {
      reply({ ok: true, ...(await handle(parsed.data)) });
    } catch (err) {
      const error = err instanceof DomainError ? err.message : 'internal error';
      if (err instanceof DomainError) log.warn({ error }, 'event refused');
      else log.error({ err }, 'event failed');
      reply({ ok: false, error });
    }
  };
}
