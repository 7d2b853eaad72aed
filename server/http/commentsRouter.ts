import { Router } from 'express';
import type { CommentService } from '../domain/comments/commentService';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import { currentMember, draftParam } from './draftParam';

/** GET /api/drafts/:id/comments: every thread of a draft (for late joiners and export). */
export function commentsRouter(drafts: DraftService, access: DraftAccessService, comments: CommentService): Router {
  const router = Router();
  router.param('id', draftParam(drafts, access));
  router.get('/:id/comments', async (req, res) => {
    res.json({ threads: await comments.listThreads(currentMember(res), req.params.id) });
  });
  return router;
}
