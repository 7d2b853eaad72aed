import { Router, type RequestHandler } from 'express';
import { blankResolution } from '../../shared/draftTemplate';
import { organFor } from '../../shared/organs';
import { AuditQuery, CreateNegotiationRequest, PutMemberRequest } from '../../shared/validation/negotiationRequests';
import { CreateDraftRequest } from '../../shared/validation/requests';
import type { NegotiationService } from '../domain/negotiations/negotiationService';
import { parseOr400 } from './httpError';
import { currentUser } from './requireAuth';

/** /api/negotiations: negotiations, their members, their drafts and their audit log. */
export function negotiationsRouter(negotiations: NegotiationService, draftCreationLimit: RequestHandler): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ negotiations: await negotiations.listFor(currentUser(res)) });
  });

  router.post('/', async (req, res) => {
    const input = parseOr400(CreateNegotiationRequest, req.body);
    res.status(201).json({ negotiation: await negotiations.create(currentUser(res), input) });
  });

  router.get('/:id', async (req, res) => {
    res.json(await negotiations.detail(currentUser(res), req.params.id));
  });

  router.get('/:id/members/:userId', async (req, res) => {
    res.json({ member: await negotiations.member(currentUser(res), req.params.id, req.params.userId) });
  });

  router.put('/:id/members/:userId', async (req, res) => {
    const place = parseOr400(PutMemberRequest, req.body);
    const { member, added } = await negotiations.putMember(currentUser(res), req.params.id, req.params.userId, place);
    res.status(added ? 201 : 200).json({ member });
  });

  router.delete('/:id/members/:userId', async (req, res) => {
    await negotiations.removeMember(currentUser(res), req.params.id, req.params.userId);
    res.status(204).end();
  });

  router.post('/:id/drafts', draftCreationLimit, async (req, res) => {
    const { title, symbol, organ } = parseOr400(CreateDraftRequest, req.body);
    res.status(201).json({ draft: await negotiations.createDraft(currentUser(res), req.params.id as string, blankResolution(title, symbol, organFor(organ, symbol))) });
  });

  router.get('/:id/audit', async (req, res) => {
    const { limit } = parseOr400(AuditQuery, req.query);
    const entries = await negotiations.auditLog(currentUser(res), req.params.id, limit);
    res.json({ entries: entries.map(({ id, at, actorId, actorName, action, target, detail }) => ({ id, at, actorId, actorName, action, target, detail })) });
  });

  return router;
}
