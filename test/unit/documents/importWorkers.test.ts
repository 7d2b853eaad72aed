import { monitorEventLoopDelay } from 'node:perf_hooks';
import JSZip from 'jszip';
import { DEFAULT_IMPORT_LIMITS } from '../../../server/documents/import/importLimits';
import { DEFAULT_IMPORT_WORKER_OPTIONS, ImportWorkers } from '../../../server/documents/import/importWorkers';
import { DomainError } from '../../../server/domain/domainError';
import { workerEntry } from '../../../server/workerEntry';
import { LogCapture } from '../../helpers/captureLogs';
import { typedNumbersDraft } from './draftFixtures';

const entry = workerEntry('documents/import/importWorker');
const workers = (options: Partial<typeof DEFAULT_IMPORT_WORKER_OPTIONS> = {}) => new ImportWorkers(entry, { ...DEFAULT_IMPORT_WORKER_OPTIONS, ...options }, new LogCapture().logger);
const outcome = (promise: Promise<unknown>) => promise.then(() => 'read', (error: Error & { status?: number }) => `${error.status}: ${error.message}`);

/** A .docx whose document.xml (about 6 MB, at a ratio below the bomb check) takes seconds to parse. */
async function heavyDocx(): Promise<Buffer> {
  const paragraphs = Array.from({ length: 60_000 }, (_, i) => `<w:p><w:r><w:t>Recalling resolution ${i * 7919} of ${i % 28} May ${1950 + (i % 76)},</w:t></w:r></w:p>`);
  const zip = new JSZip().file('word/document.xml', `<w:document xmlns:w="x"><w:body>${paragraphs.join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('ImportWorkers: files are read off the event loop, within time and memory', () => {
  it('reads a draft in a worker and passes refusals on with their status', async () => {
    const pool = workers();
    const draft = await pool.read({ bytes: await typedNumbersDraft(), name: 'L.4.docx' }, DEFAULT_IMPORT_LIMITS);
    expect(draft.preview.symbol).toBe('E/CN.15/2026/L.4');
    expect(await outcome(pool.read({ bytes: Buffer.from('plain words'), name: 'x.docx' }, DEFAULT_IMPORT_LIMITS))).toBe(
      '415: the file is not a Word .docx document (it is not a zip archive)',
    );
  });

  it('keeps the event loop free while a heavy file is parsed', async () => {
    const bytes = await heavyDocx();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    // 60 000 paragraphs are over the limit: the worker parses all of them, then refuses.
    expect(await outcome(workers().read({ bytes, name: 'heavy.docx' }, DEFAULT_IMPORT_LIMITS))).toBe('422: the file has 60000 paragraphs; at most 5000 are accepted');
    delay.disable();
    // Parsed on the event loop, the longest stall would be most of the time taken (3 s on our machine).
    const elapsed = performance.now() - started;
    expect(delay.max / 1e6).toBeLessThan(Math.max(100, elapsed / 4));
  });

  it('ends a worker that takes too long, and one that needs too much memory', async () => {
    const bytes = await heavyDocx();
    expect(await outcome(workers({ timeoutMs: 300 }).read({ bytes, name: 'slow.docx' }, DEFAULT_IMPORT_LIMITS))).toBe('422: the file could not be read within 0.3 s; refused');
    expect(await outcome(workers({ maxHeapMb: 48 }).read({ bytes, name: 'big.docx' }, DEFAULT_IMPORT_LIMITS))).toBe('422: the file needs too much memory to read; refused');
  });

  it('reads at most maxRunning files at once (503 beyond), and ends them at close', async () => {
    const pool = workers({ maxRunning: 1 });
    const first = outcome(pool.read({ bytes: await heavyDocx(), name: 'a.docx' }, DEFAULT_IMPORT_LIMITS));
    await expect(pool.read({ bytes: await typedNumbersDraft(), name: 'b.docx' }, DEFAULT_IMPORT_LIMITS)).rejects.toEqual(
      new DomainError('the server is reading other imported files; try again in a moment', 503),
    );
    await pool.close();
    expect(await first).toBe('undefined: import worker exited without an answer');
  });
});
