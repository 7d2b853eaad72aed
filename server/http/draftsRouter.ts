import { Router, type RequestHandler } from 'express';
import { blankResolution } from '../../shared/draftTemplate';
import { organFor } from '../../shared/organs';
import { CreateDraftRequest } from '../../shared/validation/requests';
import { TicketsExhaustedError, type Tickets } from '../auth/ticketService';
import type { DraftAccessService } from '../domain/access/draftAccess';
import { accessOf } from '../domain/access/draftMember';
import type { DraftService } from '../domain/draftService';
import type { NegotiationService } from '../domain/negotiations/negotiationService';
import { currentDraft, currentMember, draftParam } from './draftParam';
import { HttpError, parseOr400 } from './httpError';
import { currentUser, tokenExpiry } from './requireAuth';

/** /api/drafts: the caller's drafts, create (in the one negotiation the caller facilitates), open one, a Yjs ticket for one. */
export function draftsRouter(
  drafts: DraftService,
  access: DraftAccessService,
  negotiations: NegotiationService,
  tickets: Tickets,
  creationLimit: RequestHandler,
): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ drafts: await drafts.list(await negotiations.memberOf(currentUser(res))) });
  });

  // Kept for clients written before negotiations: unambiguous only for a facilitator of exactly one.
  router.post('/', creationLimit, async (req, res) => {
    const { title, symbol, organ } = parseOr400(CreateDraftRequest, req.body);
    const facilitated = await negotiations.facilitatedBy(currentUser(res));
    if (facilitated.length !== 1) throw new HttpError(400, 'say which negotiation: POST /api/negotiations/:id/drafts');
    const draft = await negotiations.createDraft(currentUser(res), facilitated[0], blankResolution(title, symbol, organFor(organ, symbol)));
    res.status(201).json({ draft });
  });

  router.param('id', draftParam(drafts, access));
  router.get('/:id', (_req, res) => {
    res.json({ draft: currentDraft(res), access: accessOf(currentMember(res)) });
  });

  // What the browser connects to the Yjs channel with, instead of putting its session token in the URL.
  router.post('/:id/ticket', async (_req, res) => {
    try {
      const { ticket, expiresAt } = await tickets.issue(currentMember(res).id, currentDraft(res).id, tokenExpiry(res));
      res.json({ ticket, expiresAt: new Date(expiresAt).toISOString() });
    } catch (error) {
      if (error instanceof TicketsExhaustedError) throw new HttpError(429, error.message);
      throw error;
    }
  });

  return router;
}
