import { Router, type Response } from 'express';
import { AknExportQuery, DocxExportQuery } from '../../shared/documentExports';
import type { DocumentExports } from '../documents/documentExports';
import { lineText, type DraftModel } from '../documents/draftModel';
import { exportFileName } from '../documents/exportFileName';
import type { DraftAccessService } from '../domain/access/draftAccess';
import type { DraftService } from '../domain/draftService';
import type { ConcurrentReads } from '../domain/versions/concurrentReads';
import { draftParam } from './draftParam';
import { parseOr400 } from './httpError';
import { oneOfConcurrentReads } from './oneOfConcurrentReads';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * /api/drafts/:id/export.docx and /export.akn.xml: the draft as a file, for every member who can
 * read it (others: 404 as for every draft route). Exports are heavy: `reads` caps how many one
 * user has running at once.
 */
export function exportRouter(drafts: DraftService, access: DraftAccessService, exports: DocumentExports, reads: ConcurrentReads): Router {
  const router = Router();
  router.param('id', draftParam(drafts, access));

  router.get(
    '/:id/export.docx',
    oneOfConcurrentReads(reads, async (req, res) => {
      const query = parseOr400(DocxExportQuery, req.query);
      const model = await exports.model(req.params.id as string, query);
      // The writers (docx, fast-xml-parser) load at the first export, not with the server: few requests need them.
      const { writeDocx } = await import('../documents/docxWriter');
      sendFile(res, model, 'docx', DOCX_TYPE, await writeDocx(model));
    }),
  );

  router.get(
    '/:id/export.akn.xml',
    oneOfConcurrentReads(reads, async (req, res) => {
      const { version } = parseOr400(AknExportQuery, req.query);
      const model = await exports.clean(req.params.id as string, version);
      const { writeAkn } = await import('../documents/aknWriter');
      sendFile(res, model, 'akn.xml', 'application/akn+xml; charset=utf-8', writeAkn(model, { exportedAt: new Date().toISOString() }));
    }),
  );

  return router;
}

function sendFile(res: Response, model: DraftModel, extension: string, type: string, body: Buffer | string): void {
  const name = exportFileName(lineText(model, 'symbol'), lineText(model, 'title'), extension);
  res.attachment(name).type(type).setHeader('cache-control', 'no-store');
  res.send(body);
}
