import { Router } from 'express';
import { blankResolution } from '../../shared/draftTemplate';
import { CreateDraftRequest } from '../../shared/validation/requests';
import { canEditText } from '../../shared/roles';
import type { DraftService } from '../domain/draftService';
import { draftParam, currentDraft } from './draftParam';
import { HttpError, parseOr400 } from './httpError';
import { currentUser } from './requireAuth';

/** /api/drafts: list, create from the resolution template, open one. */
export function draftsRouter(drafts: DraftService): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ drafts: await drafts.list() });
  });

  router.post('/', async (req, res) => {
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
