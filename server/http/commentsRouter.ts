import { Router } from 'express';
import type { CommentService } from '../domain/comments/commentService';
import type { DraftService } from '../domain/draftService';
import { HttpError } from './httpError';

/** GET /api/drafts/:id/comments: every thread of a draft (for late joiners and export). */
export function commentsRouter(drafts: DraftService, comments: CommentService): Router {
  const router = Router();
  router.get('/:id/comments', async (req, res) => {
    if (!(await drafts.get(req.params.id))) throw new HttpError(404, 'no such draft');
    res.json({ threads: await comments.listThreads(req.params.id) });
  });
  return router;
}
