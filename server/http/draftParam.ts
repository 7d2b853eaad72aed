import type { RequestParamHandler, Response } from 'express';
import type { DraftService } from '../domain/draftService';
import type { DraftRecord } from '../store/types';
import { HttpError } from './httpError';

/**
 * `router.param('id', draftParam(drafts))`: every route with a draft id answers 404 for an
 * unknown draft before it runs, and finds the draft in res.locals.
 */
export function draftParam(drafts: DraftService): RequestParamHandler {
  return async (_req, res, next, id: string) => {
    const draft = await drafts.get(id);
    if (!draft) return next(new HttpError(404, 'no such draft'));
    res.locals.draft = draft;
    next();
  };
}

/** The draft a route's `:id` named (after draftParam). */
export function currentDraft(res: Response): DraftRecord {
  return res.locals.draft as DraftRecord;
}
