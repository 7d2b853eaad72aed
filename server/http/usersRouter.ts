import { Router } from 'express';
import { CreateUserRequest } from '../../shared/validation/negotiationRequests';
import type { AccountService } from '../auth/accountService';
import { parseOr400 } from './httpError';
import { currentUser } from './requireAuth';

/** /api/users: the accounts of the server, for administrators. */
export function usersRouter(accounts: AccountService): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json({ users: await accounts.list(currentUser(res)) });
  });
  router.post('/', async (req, res) => {
    const input = parseOr400(CreateUserRequest, req.body);
    res.status(201).json({ user: await accounts.create(currentUser(res), input) });
  });
  return router;
}
