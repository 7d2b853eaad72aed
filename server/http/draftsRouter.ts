import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { blankResolution } from '../../shared/draftTemplate';
import { CreateDraftRequest } from '../../shared/validation/requests';
import { canEditText } from '../../shared/roles';
import type { DraftService } from '../domain/draftService';
import { draftParam, currentDraft } from './draftParam';
import { HttpError, parseOr400 } from './httpError';
import { currentUser } from './requireAuth';

const HOUR_MS = 60 * 60 * 1000;

/** /api/drafts: list, create from the resolution template, open one. */
export function draftsRouter(drafts: DraftService, limits: { createdPerHour: number }): Router {
  const router = Router();
  // Every draft costs a log, a version and a place in everyone's list: one account cannot flood them.
  const creationLimit = rateLimit({
    windowMs: HOUR_MS,
    limit: limits.createdPerHour,
    keyGenerator: (_req, res) => currentUser(res).id,
    skipFailedRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: () => {
      throw new HttpError(429, `at most ${limits.createdPerHour} new drafts per hour; try again later`);
    },
  });

  router.get('/', async (_req, res) => {
    res.json({ drafts: await drafts.list() });
  });

  router.post('/', creationLimit, async (req, res) => {
    const user = currentUser(res);
    if (!canEditText(user.role)) throw new HttpError(403, 'observers cannot create drafts');
    const { title, symbol } = parseOr400(CreateDraftRequest, req.body);
    const draft = await drafts.create(blankResolution(title, symbol), user);
    res.status(201).json({ draft });
  });

  router.param('id', draftParam(drafts));
  router.get('/:id', (_req, res) => {
    res.json({ draft: currentDraft(res) });
  });

  return router;
}
