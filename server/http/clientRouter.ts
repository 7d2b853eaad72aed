import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built browser app; every other GET that is not an API path gets index.html
 * so client-side routes such as /drafts/<id> can be opened and shared directly.
 */
export function clientRouter(clientDir: string): Router {
  const router = Router();
  const index = path.join(clientDir, 'index.html');
  router.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|yjs\/|socket\.io\/|healthz).*/, (_req, res, next) => {
    if (!fs.existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
