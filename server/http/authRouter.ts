import { Router } from 'express';
import { LoginRequest } from '../../shared/validation/requests';
import type { AuthService } from '../auth/authService';
import type { Logger } from '../logger';
import { HttpError, parseOr400 } from './httpError';
import { currentUser, requireAuth } from './requireAuth';

export function authRouter(auth: AuthService, logger: Logger): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const { username, password } = parseOr400(LoginRequest, req.body);
    const session = await auth.login(username, password);
    if (!session) {
      logger.warn({ username }, 'failed sign-in');
      throw new HttpError(401, 'wrong username or password');
    }
    res.json(session);
  });

  router.get('/me', requireAuth(auth), (_req, res) => {
    res.json({ user: currentUser(res) });
  });

  return router;
}
