import { Router } from 'express';
import { OralRevisionRequest } from '../../shared/oralRevisions';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import type { OralRevisionService } from '../domain/oralRevisions/oralRevisionService';
import { currentMember, draftParam } from './draftParam';
import { parseOr400 } from './httpError';

/** /api/drafts/:id/oral-revisions: paragraphs revised orally in the room, in the name of the delegation that read them out. */
export function oralRevisionsRouter(drafts: DraftService, access: DraftAccessService, revisions: OralRevisionService): Router {
  const router = Router();
  router.param('id', draftParam(drafts, access));

  router.get('/:id/oral-revisions', async (req, res) => {
    res.json({ revisions: await revisions.list(currentMember(res), req.params.id) });
  });

  router.post('/:id/oral-revisions', async (req, res) => {
    const body = parseOr400(OralRevisionRequest, req.body);
    res.status(201).json(await revisions.record(currentMember(res), req.params.id, body));
  });

  return router;
}
