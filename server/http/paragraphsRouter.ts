import { Router } from 'express';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import type { ParagraphStatusService } from '../domain/paragraphs/paragraphStatusService';
import { draftParam } from './draftParam';

/** GET /api/drafts/:id/paragraphs: every paragraph in document order, with its label, status and status history. */
export function paragraphsRouter(drafts: DraftService, access: DraftAccessService, paragraphs: ParagraphStatusService): Router {
  const router = Router();
  router.param('id', draftParam(drafts, access));
  router.get('/:id/paragraphs', async (req, res) => {
    res.json({ paragraphs: await paragraphs.list(req.params.id) });
  });
  return router;
}
