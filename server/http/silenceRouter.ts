import { Router } from 'express';
import { BreakSilenceRequest, StartSilenceRequest } from '../../shared/silence';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import type { SilenceService } from '../domain/silence/silenceService';
import { currentMember, draftParam } from './draftParam';
import { parseOr400 } from './httpError';

/** /api/drafts/:id/silence: the draft's silence procedure, breaking it and cancelling it. */
export function silenceRouter(drafts: DraftService, access: DraftAccessService, silence: SilenceService): Router {
  const router = Router();
  router.param('id', draftParam(drafts, access));

  router.get('/:id/silence', async (req, res) => {
    res.json({ silence: await silence.current(req.params.id) });
  });

  router.post('/:id/silence', async (req, res) => {
    const request = parseOr400(StartSilenceRequest, req.body);
    res.status(201).json({ silence: await silence.start(req.params.id, currentMember(res), request) });
  });

  router.post('/:id/silence/break', async (req, res) => {
    const { statement } = parseOr400(BreakSilenceRequest, req.body);
    res.json({ silence: await silence.breakSilence(req.params.id, currentMember(res), statement) });
  });

  router.delete('/:id/silence', async (req, res) => {
    res.json({ silence: await silence.cancel(req.params.id, currentMember(res)) });
  });

  return router;
}
