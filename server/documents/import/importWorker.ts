import { parentPort } from 'node:worker_threads';
import { importDraft } from './importDraft';
import { ImportError } from './importError';
import type { ImportReply, ImportRequest } from './importJob';

/** Entry of an import worker thread (see ImportWorkers): reads one file and answers once. */
const port = parentPort;
if (!port) throw new Error('importWorker runs only as a worker thread');
port.once('message', async ({ bytes, name, limits }: ImportRequest) => {
  let reply: ImportReply;
  try {
    reply = { ok: true, draft: await importDraft({ bytes: Buffer.from(bytes), name }, limits) };
  } catch (error) {
    reply = error instanceof ImportError ? { ok: false, refusal: { status: error.status, message: error.message } } : { ok: false, failure: String(error) };
  }
  port.postMessage(reply);
});
