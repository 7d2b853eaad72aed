import { Router } from 'express';
import { DraftEditingRequest } from '../../shared/proposals';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import type { DraftEditingService } from '../domain/editing/draftEditingService';
import { currentMember, draftParam } from './draftParam';
import { parseOr400 } from './httpError';

/** PUT /api/drafts/:id/editing: a facilitator lets delegates edit directly or make proposals only. */
export function editingRouter(drafts: DraftService, access: DraftAccessService, editing: DraftEditingService): Router {
  const router = Router();
  router.param('id', draftParam(drafts, access));

  router.put('/:id/editing', async (req, res) => {
    const body = parseOr400(DraftEditingRequest, req.body);
    res.json(await editing.setEditing(currentMember(res), req.params.id, body.editing));
  });

  return router;
}
