import type { RequestParamHandler, Response } from 'express';
import type { DraftAccessService } from '../domain/access/draftAccess';
import { draftMember, type DraftMember } from '../domain/access/draftMember';
import type { DraftService } from '../domain/draftService';
import type { DraftRecord } from '../store/types';
import { HttpError } from './httpError';
import { currentUser } from './requireAuth';

/**
 * `router.param('id', draftParam(drafts, access))`: every route with a draft id answers 404,
 * before it runs, for an unknown draft and for one the caller is not a member of (the same
 * answer: nobody learns that a draft exists), and finds the draft and the caller's place in
 * it in res.locals.
 */
export function draftParam(drafts: DraftService, access: DraftAccessService): RequestParamHandler {
  return async (_req, res, next, id: string) => {
    const user = currentUser(res);
    const granted = await access.accessTo(user.id, id);
    const draft = granted && (await drafts.get(id));
    if (!granted || !draft) return next(new HttpError(404, 'no such draft'));
    res.locals.draft = draft;
    res.locals.member = draftMember(user, granted);
    next();
  };
}

/** The draft a route's `:id` named (after draftParam). */
export function currentDraft(res: Response): DraftRecord {
  return res.locals.draft as DraftRecord;
}

/** The caller as a member of that draft's negotiation (after draftParam). */
export function currentMember(res: Response): DraftMember {
  return res.locals.member as DraftMember;
}
