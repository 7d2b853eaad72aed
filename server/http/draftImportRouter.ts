import { Router, type RequestHandler } from 'express';
import type { ImportCreated } from '../../shared/draftImport';
import type { ImportedDraft } from '../documents/import/importDraft';
import { ImportError } from '../documents/import/importError';
import type { ImportLimits } from '../documents/import/importLimits';
import type { ImportWorkers } from '../documents/import/importWorkers';
import type { NegotiationService } from '../domain/negotiations/negotiationService';
import { ConcurrentReads } from '../domain/versions/concurrentReads';
import { HttpError } from './httpError';
import { currentUser } from './requireAuth';
import { singleUpload } from './singleUpload';

const FIELD = 'file';
const MAX_TITLE = 300;
const MAX_SYMBOL = 60;

const isPreview = (query: unknown) => ['1', 'true'].includes(String((query as { preview?: unknown }).preview));

async function importOr4xx(workers: ImportWorkers, bytes: Buffer, name: string, limits: ImportLimits): Promise<ImportedDraft> {
  try {
    return await workers.read({ bytes, name }, limits);
  } catch (error) {
    if (error instanceof ImportError) throw new HttpError(error.status, error.message);
    throw error;
  }
}

/**
 * POST /api/negotiations/:id/drafts/import: a .docx or .txt becomes a draft of the negotiation
 * (`?preview=1`: only what it would become). Who may is checked before the upload is read, and
 * one import per person runs at a time, so nobody makes the server hold many files at once.
 */
export function draftImportRouter(negotiations: NegotiationService, creationLimit: RequestHandler, workers: ImportWorkers, limits: ImportLimits): Router {
  const router = Router();
  const running = new ConcurrentReads(1);

  const facilitatorsOnly: RequestHandler = async (req, res, next) => {
    await negotiations.facilitatorOf(currentUser(res), req.params.id as string);
    next();
  };
  // Held until the response is over and, once a file is being read, until its worker is done: a
  // client that hangs up does not free its place while its file still takes a worker.
  const oneAtATime: RequestHandler = (_req, res, next) => {
    const release = running.tryStart(currentUser(res).id);
    if (!release) throw new HttpError(429, 'an import of yours is still running; wait for it to finish');
    res.on('close', () => void Promise.resolve(res.locals.importReading).finally(release));
    next();
  };
  // A preview creates nothing, so it does not count against the drafts one may create per hour.
  const countsAsCreation: RequestHandler = (req, res, next) => (isPreview(req.query) ? next() : creationLimit(req, res, next));

  router.post('/:id/drafts/import', facilitatorsOnly, oneAtATime, countsAsCreation, singleUpload(FIELD, limits.maxUploadBytes), async (req, res) => {
    if (!req.file) throw new HttpError(400, `send the file as multipart/form-data in the field "${FIELD}"`);
    const reading = importOr4xx(workers, req.file.buffer, req.file.originalname, limits);
    res.locals.importReading = reading.catch(() => undefined);
    const { doc, preview } = await reading;
    if (isPreview(req.query)) {
      res.json(preview);
      return;
    }
    const draft = await negotiations.importDraft(currentUser(res), req.params.id as string, {
      title: (preview.title || 'Imported draft').slice(0, MAX_TITLE),
      symbol: preview.symbol.slice(0, MAX_SYMBOL),
      doc,
    });
    const created: ImportCreated = { draft, problems: preview.problems };
    res.status(201).json(created);
  });

  return router;
}
