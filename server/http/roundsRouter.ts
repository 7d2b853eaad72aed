import { Router } from 'express';
import { NameVersionRequest } from '../../shared/versions';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import type { RoundService } from '../domain/rounds/roundService';
import { currentMember, draftParam } from './draftParam';
import { parseOr400 } from './httpError';

/** /api/drafts/:id/rounds: the rounds of negotiation of a draft and starting a new one. */
export function roundsRouter(drafts: DraftService, access: DraftAccessService, rounds: RoundService): Router {
  const router = Router();
  router.param('id', draftParam(drafts, access));

  router.get('/:id/rounds', async (req, res) => {
    res.json({ rounds: await rounds.list(req.params.id) });
  });

  router.post('/:id/rounds', async (req, res) => {
    const { name } = parseOr400(NameVersionRequest, req.body);
    res.status(201).json({ version: await rounds.start(req.params.id, name, currentMember(res)) });
  });

  return router;
}
