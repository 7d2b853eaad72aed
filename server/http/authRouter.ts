import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { LoginRequest } from '../../shared/validation/requests';
import type { AuthService } from '../auth/authService';
import type { Logger } from '../logger';
import { HttpError, parseOr400 } from './httpError';
import { currentUser, requireAuth } from './requireAuth';

/** Sign-in attempts allowed per client address and window: slows password guessing to a crawl. */
const LOGIN_ATTEMPTS = 10;
const LOGIN_WINDOW_MS = 60_000;

export function authRouter(auth: AuthService, logger: Logger): Router {
  const router = Router();
  const loginLimit = rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit: LOGIN_ATTEMPTS,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Successful sign-ins do not count: a busy room behind one NAT is not locked out.
    skipSuccessfulRequests: true,
    handler: (req, res) => {
      logger.warn({ address: req.ip }, 'too many sign-in attempts');
      res.status(429).json({ error: 'too many sign-in attempts; try again in a minute' });
    },
  });

  router.post('/login', loginLimit, async (req, res) => {
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
