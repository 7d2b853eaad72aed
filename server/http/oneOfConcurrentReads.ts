import type { Request, RequestHandler, Response } from 'express';
import type { ConcurrentReads } from '../domain/versions/concurrentReads';
import { HttpError } from './httpError';
import { currentUser } from './requireAuth';

/**
 * Runs a heavy read only while its user is below the cap of concurrent ones (429 otherwise);
 * the slot is held until the work is done, even if the client went away meanwhile.
 */
export function oneOfConcurrentReads(reads: ConcurrentReads, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return async (req, res) => {
    const release = reads.tryStart(currentUser(res).id);
    if (!release) throw new HttpError(429, 'too many history requests at once; wait for the ones already running');
    try {
      await handler(req, res);
    } finally {
      release();
    }
  };
}
