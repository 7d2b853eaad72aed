import type { RequestHandler, Response } from 'express';
import type { PublicUser } from '../../shared/user';
import type { AuthService } from '../auth/authService';
import { HttpError } from './httpError';

/** Rejects requests without a valid `Authorization: Bearer <token>`; stores the user in res.locals. */
export function requireAuth(auth: AuthService): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null;
    const grant = await auth.session(token);
    if (!grant) return next(new HttpError(401, token ? 'invalid or expired token' : 'sign-in required'));
    res.locals.user = grant.user;
    res.locals.tokenExpiresAt = grant.expiresAt;
    next();
  };
}

/** When the request's session token expires (after requireAuth), in milliseconds since the epoch. */
export function tokenExpiry(res: Response): number {
  return res.locals.tokenExpiresAt as number;
}

/** The authenticated user of a request that went through requireAuth. */
export function currentUser(res: Response): PublicUser {
  return res.locals.user as PublicUser;
}
