import { Router } from 'express';
import { CompareQuery, ListVersionsQuery, NameVersionRequest, type ComparisonWithStatuses, type DraftActivityResponse } from '../../shared/versions';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import type { OralRevisionService } from '../domain/oralRevisions/oralRevisionService';
import type { ParagraphStatusService } from '../domain/paragraphs/paragraphStatusService';
import type { ProposalService } from '../domain/proposals/proposalService';
import type { ConcurrentReads } from '../domain/versions/concurrentReads';
import type { VersionService } from '../domain/versions/versionService';
import { currentMember, draftParam } from './draftParam';
import { parseOr400 } from './httpError';
import { oneOfConcurrentReads } from './oneOfConcurrentReads';

/** /api/drafts/:id/versions, /compare, /activity: the draft's history. Reading old text is heavy: `reads` caps it per user. */
export function versionsRouter(
  drafts: DraftService,
  access: DraftAccessService,
  versions: VersionService,
  reads: ConcurrentReads,
  statuses: Pick<ParagraphStatusService, 'changes'>,
  oralRevisions: Pick<OralRevisionService, 'list'>,
  proposals: Pick<ProposalService, 'activity' | 'acceptedWithin'>,
): Router {
  const router = Router();
  const heavy = (handler: Parameters<typeof oneOfConcurrentReads>[1]) => oneOfConcurrentReads(reads, handler);

  router.param('id', draftParam(drafts, access));

  router.get('/:id/versions', async (req, res) => {
    const { limit, before } = parseOr400(ListVersionsQuery, req.query);
    res.json({ versions: await versions.list(req.params.id, limit, before) });
  });

  router.post('/:id/versions', async (req, res) => {
    const { name } = parseOr400(NameVersionRequest, req.body);
    res.status(201).json({ version: await versions.nameVersion(req.params.id, name, currentMember(res)) });
  });

  router.get(
    '/:id/versions/:vid',
    heavy(async (req, res) => {
      res.json(await versions.get(req.params.id as string, req.params.vid as string));
    }),
  );

  router.post('/:id/versions/:vid/restore', async (req, res) => {
    res.status(201).json({ version: await versions.restore(req.params.id, req.params.vid, currentMember(res)) });
  });

  router.get(
    '/:id/compare',
    heavy(async (req, res) => {
      const { from, to } = parseOr400(CompareQuery, req.query);
      const draftId = req.params.id as string;
      const comparison = await versions.compare(draftId, from, to);
      // Between the two ends, whichever order they were asked in; up to now for the current text.
      const [after, until] = comparison.to ? [comparison.from.createdAt, comparison.to.createdAt].sort() : [comparison.from.createdAt];
      const [statusChanges, acceptedProposals] = await Promise.all([statuses.changes(draftId, { after, until }), proposals.acceptedWithin(draftId, { after, until })]);
      res.json({ ...comparison, statusChanges, acceptedProposals } satisfies ComparisonWithStatuses);
    }),
  );

  router.get(
    '/:id/activity',
    heavy(async (req, res) => {
      const { limit } = parseOr400(ListVersionsQuery.pick({ limit: true }), req.query);
      const draftId = req.params.id as string;
      const [activity, statusChanges, revisions, proposalEvents] = await Promise.all([
        versions.activity(draftId, limit),
        statuses.changes(draftId, { limit }),
        oralRevisions.list(currentMember(res), draftId),
        proposals.activity(draftId, limit),
      ]);
      res.json({ activity, statusChanges, oralRevisions: revisions.slice(0, limit), proposals: proposalEvents } satisfies DraftActivityResponse);
    }),
  );

  return router;
}
