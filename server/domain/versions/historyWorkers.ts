import { Worker } from 'node:worker_threads';
import type { Logger } from '../../logger';
import type { HistoryReply, HistoryRequest } from './historyJob';
import type { WorkerEntry } from './historyWorkerFile';

/** One job's conversation with the worker it holds. */
export type HistoryCall = (request: HistoryRequest) => Promise<unknown>;

/**
 * A small pool of worker threads for CPU-heavy history reads (decoding stored states, diffing,
 * replaying the log for attribution), so they never hold up the event loop that relays edits
 * and answers /healthz. A job holds one worker for its whole conversation; further jobs wait.
 * A worker that dies fails its job and is replaced on the next one.
 */
export class HistoryWorkers {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<{ resolve: (worker: Worker) => void; reject: (err: Error) => void }> = [];
  private readonly all = new Set<Worker>();
  private closed = false;

  constructor(
    private readonly entry: WorkerEntry,
    private readonly size: number,
    private readonly logger: Logger,
  ) {}

  async run<T>(job: (call: HistoryCall) => Promise<T>): Promise<T> {
    const worker = await this.acquire();
    let healthy = true;
    try {
      return await job((request) =>
        this.call(worker, request).catch((err) => {
          healthy = !(err instanceof WorkerDied);
          throw err;
        }),
      );
    } finally {
      this.release(worker, healthy);
    }
  }

  /** Ends the workers; jobs still waiting for one fail. */
  async close(): Promise<void> {
    this.closed = true;
    this.waiting.splice(0).forEach(({ reject }) => reject(new Error('the server is shutting down')));
    await Promise.all([...this.all].map((worker) => worker.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }

  private acquire(): Promise<Worker> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    if (this.all.size < this.size) return Promise.resolve(this.spawn());
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(worker: Worker, healthy: boolean): void {
    if (this.closed) return;
    if (!healthy) {
      this.all.delete(worker);
      void worker.terminate();
    }
    const next = this.waiting.shift();
    if (next) next.resolve(healthy ? worker : this.spawn());
    else if (healthy) this.idle.push(worker);
  }

  private spawn(): Worker {
    const worker = new Worker(this.entry.source, { eval: this.entry.eval });
    worker.unref();
    this.all.add(worker);
    return worker;
  }

  private call(worker: Worker, request: HistoryRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: HistoryReply) => {
        cleanup();
        if (reply.ok) resolve(reply.value);
        else reject(new Error(reply.error));
      };
      const onError = (err: Error) => {
        cleanup();
        this.logger.error({ err }, 'history worker failed');
        reject(new WorkerDied(err.message));
      };
      const onExit = (code: number) => onError(new Error(`history worker exited with code ${code}`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }
}

class WorkerDied extends Error {
  readonly name = 'WorkerDied';
}
