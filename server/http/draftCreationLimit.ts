import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { HttpError } from './httpError';
import { currentUser } from './requireAuth';

const HOUR_MS = 60 * 60 * 1000;

/** Every draft costs a log, a version and a place in everyone's list: one account cannot flood them (both creation routes share it; so do the instances, through `store`). */
export function draftCreationLimit(createdPerHour: number, store?: Store): RequestHandler {
  return rateLimit({
    windowMs: HOUR_MS,
    limit: createdPerHour,
    store,
    keyGenerator: (_req, res) => currentUser(res).id,
    skipFailedRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: () => {
      throw new HttpError(429, `at most ${createdPerHour} new drafts per hour; try again later`);
    },
  });
}
