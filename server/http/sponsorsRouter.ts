import { Router } from 'express';
import { SetSponsorsRequest } from '../../shared/sponsors';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import type { SponsorService } from '../domain/sponsors/sponsorService';
import { currentMember, draftParam } from './draftParam';
import { parseOr400 } from './httpError';

/** /api/drafts/:id/sponsors and /cosponsors: the delegations sponsoring a draft. */
export function sponsorsRouter(drafts: DraftService, access: DraftAccessService, sponsors: SponsorService): Router {
  const router = Router();
  router.param('id', draftParam(drafts, access));

  router.get('/:id/sponsors', async (req, res) => {
    res.json(await sponsors.view(req.params.id));
  });

  router.put('/:id/sponsors', async (req, res) => {
    const body = parseOr400(SetSponsorsRequest, req.body);
    res.json(await sponsors.setSponsors(currentMember(res), req.params.id, body.sponsors));
  });

  router.post('/:id/cosponsors', async (req, res) => {
    res.json(await sponsors.join(currentMember(res), req.params.id));
  });

  router.delete('/:id/cosponsors', async (req, res) => {
    res.json(await sponsors.leave(currentMember(res), req.params.id));
  });

  return router;
}
