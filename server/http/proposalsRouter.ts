import { Router } from 'express';
import { z } from 'zod';
import { PROPOSAL_STATUSES, type ProducedRange, type ProposalListResponse } from '../../shared/proposals';
import { MAX_PARAGRAPH_ID_LENGTH } from '../../shared/schema';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import type { ProposalService } from '../domain/proposals/proposalService';
import { draftParam } from './draftParam';
import { parseOr400 } from './httpError';

const ListQuery = z.object({ status: z.enum([...PROPOSAL_STATUSES, 'all']).default('all') });
const ProducedQuery = z.object({ paragraphId: z.string().min(1).max(MAX_PARAGRAPH_ID_LENGTH) });

/** /api/drafts/:id/proposals: every member reads the draft's proposals and traces text back to the proposal that wrote it. */
export function proposalsRouter(drafts: DraftService, access: DraftAccessService, proposals: ProposalService): Router {
  const router = Router();
  router.param('id', draftParam(drafts, access));

  router.get('/:id/proposals', async (req, res) => {
    const { status } = parseOr400(ListQuery, req.query);
    res.json({ proposals: await proposals.list(req.params.id, status === 'all' ? undefined : status) } satisfies ProposalListResponse);
  });

  router.get('/:id/proposals/produced', async (req, res) => {
    const { paragraphId } = parseOr400(ProducedQuery, req.query);
    res.json({ ranges: await proposals.produced(req.params.id, paragraphId) } satisfies { ranges: ProducedRange[] });
  });

  return router;
}
