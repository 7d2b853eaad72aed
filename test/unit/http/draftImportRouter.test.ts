import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type ErrorRequestHandler } from 'express';
import { DEFAULT_IMPORT_LIMITS } from '../../../server/documents/import/importLimits';
import type { ImportedDraft } from '../../../server/documents/import/importDraft';
import type { ImportWorkers } from '../../../server/documents/import/importWorkers';
import type { NegotiationService } from '../../../server/domain/negotiations/negotiationService';
import { draftImportRouter } from '../../../server/http/draftImportRouter';

/**
 * attack: one import per person at a time. A client that hangs up once its file is being read
 * must not get its place back while the worker still reads it, or it could hold every import
 * worker of the server by uploading and hanging up again and again.
 */
describe('draftImportRouter: one import per person, held while the file is read', () => {
  let server: Server;
  let url: string;
  const reads: Array<(draft: ImportedDraft) => void> = [];

  beforeAll(async () => {
    const workers = {
      read: () => new Promise<ImportedDraft>((resolve) => reads.push(resolve)),
    } as unknown as ImportWorkers;
    const negotiations = { facilitatorOf: async () => undefined } as unknown as NegotiationService;
    const app = express();
    app.use((_req, res, next) => {
      res.locals.user = { id: 'facilitator' };
      next();
    });
    app.use('/api/negotiations', draftImportRouter(negotiations, (_req, _res, next) => next(), workers, DEFAULT_IMPORT_LIMITS));
    const errors: ErrorRequestHandler = (err: { status?: number; message: string }, _req, res, _next) => {
      res.status(err.status ?? 500).json({ error: err.message });
    };
    app.use(errors);
    server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/negotiations/n1/drafts/import?preview=1`;
  });
  afterAll(() => {
    for (const resolve of reads) resolve({ doc: {}, preview: { title: 'T', symbol: '', problems: [] } } as unknown as ImportedDraft);
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  const upload = (signal?: AbortSignal) => {
    const form = new FormData();
    form.append('file', new Blob(['PP1 Recalling its resolutions,']), 'draft.txt');
    return fetch(url, { method: 'POST', body: form, signal });
  };
  const until = async (done: () => boolean) => {
    for (let tries = 0; !done(); tries++) {
      if (tries > 200) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('refuses a second import (429) after the first hung up while its file is still being read', async () => {
    const hangUp = new AbortController();
    const first = upload(hangUp.signal).catch(() => null);
    await until(() => reads.length === 1);
    hangUp.abort();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 50));

    const second = await Promise.race([upload().then((response) => response.status), until(() => reads.length > 1).then(() => 'read as well')]);
    expect(second).toBe(429);
    expect(reads).toHaveLength(1);

    reads[0]({ doc: {}, preview: { title: 'T', symbol: '', problems: [] } } as unknown as ImportedDraft);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const third = upload();
    await until(() => reads.length === 2);
    reads[1]({ doc: {}, preview: { title: 'T', symbol: '', problems: [] } } as unknown as ImportedDraft);
    expect((await third).status).toBe(200);
  });
});
