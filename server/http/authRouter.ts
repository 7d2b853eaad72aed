import { Router, type Request } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { ChangePasswordRequest } from '../../shared/validation/negotiationRequests';
import { LoginRequest } from '../../shared/validation/requests';
import type { AccountService } from '../auth/accountService';
import type { AuthService } from '../auth/authService';
import { auditBy, type AuditLog } from '../domain/audit/auditLog';
import type { Logger } from '../logger';
import { HttpError, parseOr400 } from './httpError';
import { currentUser, requireAuth } from './requireAuth';

export interface LoginLimits {
  /** Failed sign-ins per minute for one username from one address: slows guessing one password to a crawl. */
  failuresPerAccount: number;
  /** Failed sign-ins per minute from one address, all usernames together: stops sweeping many accounts. */
  failuresPerAddress: number;
  /** Where each limit counts (see SharedState.rateLimitStore): shared by every instance behind one load balancer. */
  store: (name: string) => Store | undefined;
}

const WINDOW_MS = 60_000;

/** The client address, IPv6 addresses by their /56 network (one host has a whole block). */
const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? '');

/** The username as AuthService.login looks it up, so "EU " and "eu" share one count (cut short: it is not validated yet). */
const usernameOf = (req: Request) => {
  const username = (req.body as { username?: unknown } | undefined)?.username;
  return typeof username === 'string' ? username.trim().toLowerCase().slice(0, 100) : '';
};

/**
 * Counts only failures (successful sign-ins are skipped) so that a conference room behind one
 * address is never locked out by its own traffic, and one delegation's mistyped password (or
 * an attacker guessing it) does not lock out the other delegations on the same Wi-Fi.
 */
function failureLimit(limit: number, key: (req: Request) => string, error: string, logger: Logger, store: Store | undefined) {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit,
    store,
    keyGenerator: key,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    handler: (req, res) => {
      logger.warn({ address: req.ip, username: usernameOf(req), error }, 'sign-in refused by rate limit');
      res.status(429).json({ error });
    },
  });
}

export function authRouter(auth: AuthService, accounts: AccountService, audit: AuditLog, logger: Logger, limits: LoginLimits): Router {
  const router = Router();
  const perAddress = failureLimit(
    limits.failuresPerAddress,
    addressOf,
    'too many failed sign-ins from this address; try again in a minute',
    logger,
    limits.store('sign-in-address'),
  );
  const perAccount = failureLimit(
    limits.failuresPerAccount,
    (req) => `${addressOf(req)} ${usernameOf(req)}`,
    'too many failed sign-ins for this account; try again in a minute',
    logger,
    limits.store('sign-in-account'),
  );

  router.post('/login', perAddress, perAccount, async (req, res) => {
    const { username, password } = parseOr400(LoginRequest, req.body);
    const session = await auth.login(username, password);
    if (!session) {
      logger.warn({ username }, 'failed sign-in');
      await audit.record({ negotiationId: null, actorId: null, actorName: username, action: 'sign-in-failed', target: username, detail: req.ip ?? '' });
      throw new HttpError(401, 'wrong username or password');
    }
    const { user } = session;
    await audit.record(auditBy(user, null, 'sign-in', user.username, req.ip ?? ''));
    res.json(session);
  });

  router.get('/me', requireAuth(auth), (_req, res) => {
    res.json({ user: currentUser(res) });
  });

  router.post('/me/password', requireAuth(auth), async (req, res) => {
    const { oldPassword, newPassword } = parseOr400(ChangePasswordRequest, req.body);
    await accounts.changePassword(currentUser(res), oldPassword, newPassword);
    res.status(204).end();
  });

  return router;
}
