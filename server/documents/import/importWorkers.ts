import { Worker } from 'node:worker_threads';
import { DomainError } from '../../domain/domainError';
import type { Logger } from '../../logger';
import type { WorkerEntry } from '../../workerEntry';
import type { ImportedDraft } from './importDraft';
import { ImportError } from './importError';
import type { ImportReply } from './importJob';
import type { ImportLimits } from './importLimits';
import type { UploadedFile } from './readUpload';

export interface ImportWorkerOptions {
  /** Files read at once, server-wide; more answer 503. */
  maxRunning: number;
  /** A file not read by then is refused (422) and its worker ended. */
  timeoutMs: number;
  /** Heap of one worker; a file that needs more is refused (422). */
  maxHeapMb: number;
}

export const DEFAULT_IMPORT_WORKER_OPTIONS: ImportWorkerOptions = { maxRunning: 2, timeoutMs: 20_000, maxHeapMb: 256 };

/**
 * Reads uploaded files in worker threads, one fresh worker per file: parsing OOXML is CPU- and
 * memory-hungry (a 20 MB document.xml held the event loop 8.5 s and took 540 MB), so it runs
 * where a time limit can end it, a heap limit bounds it, and the event loop that relays edits
 * never waits for it.
 */
export class ImportWorkers {
  private readonly running = new Set<Worker>();

  constructor(
    private readonly entry: WorkerEntry,
    private readonly options: ImportWorkerOptions,
    private readonly logger: Logger,
  ) {}

  read(file: UploadedFile, limits: ImportLimits): Promise<ImportedDraft> {
    if (this.running.size >= this.options.maxRunning) {
      return Promise.reject(new DomainError('the server is reading other imported files; try again in a moment', 503));
    }
    const worker = new Worker(this.entry.source, {
      eval: this.entry.eval,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    this.running.add(worker);
    return new Promise<ImportedDraft>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new ImportError(422, `the file could not be read within ${this.options.timeoutMs / 1000} s; refused`));
        void worker.terminate();
      }, this.options.timeoutMs);
      worker.once('message', (reply: ImportReply) => {
        if (reply.ok) resolve(reply.draft);
        else if ('refusal' in reply) reject(new ImportError(reply.refusal.status, reply.refusal.message));
        else reject(new Error(`import worker failed: ${reply.failure}`));
      });
      worker.once('error', (err: Error & { code?: string }) => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new ImportError(422, 'the file needs too much memory to read; refused'));
        else reject(err);
      });
      worker.once('exit', () => {
        clearTimeout(timer);
        this.running.delete(worker);
        reject(new Error('import worker exited without an answer'));
      });
      worker.postMessage({ bytes: file.bytes, name: file.name, limits });
    }).finally(() => void worker.terminate());
  }

  /** Ends the files being read (at shutdown). */
  async close(): Promise<void> {
    const workers = [...this.running];
    if (workers.length) this.logger.info({ workers: workers.length }, 'ending imports still being read');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
