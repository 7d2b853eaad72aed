import type { RequestHandler } from 'express';
import type Multer from 'multer';
import { megabytes } from '../documents/import/importLimits';
import { HttpError } from './httpError';

/** Room for the multipart envelope (boundaries, part headers) around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

function uploadError(err: unknown, field: string, maxBytes: number, multer: typeof Multer): HttpError {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new HttpError(413, `the file is larger than ${megabytes(maxBytes)}`);
    if (err.code === 'LIMIT_UNEXPECTED_FILE') return new HttpError(400, `send one file, in the form field "${field}"`);
    return new HttpError(400, `the upload was refused: ${err.message}`);
  }
  return new HttpError(400, 'the upload is not a well-formed multipart/form-data request');
}

/**
 * One file from a multipart/form-data body into memory, at most `maxBytes`: a body declared
 * larger is refused before it is read (and the connection closed), one that turns out larger
 * is cut off by multer; either way a 413 JSON error.
 */
export function singleUpload(field: string, maxBytes: number): RequestHandler {
  // multer loads at the first upload, not with the server: only draft imports need it.
  let loaded: Promise<{ multer: typeof Multer; upload: RequestHandler }> | undefined;
  const load = async () => {
    const multer = (await import('multer')).default;
    const upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 64 },
    }).single(field);
    return { multer, upload };
  };
  return async (req, res, next) => {
    if (Number(req.headers['content-length']) > maxBytes + MULTIPART_OVERHEAD_BYTES) {
      res.setHeader('Connection', 'close');
      throw new HttpError(413, `the file is larger than ${megabytes(maxBytes)}`);
    }
    const { multer, upload } = await (loaded ??= load());
    upload(req, res, (err?: unknown) => {
      if (err === undefined || err === null) return next();
      const refusal = uploadError(err, field, maxBytes, multer);
      if (refusal.status === 413) res.setHeader('Connection', 'close');
      next(refusal);
    });
  };
}
