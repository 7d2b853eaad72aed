import { workerEntry, type WorkerEntry } from '../../workerEntry';

export type { WorkerEntry };

/** The history worker's entry (historyWorker.ts, or historyWorker.mjs beside the production bundle). */
export function historyWorkerEntry(): WorkerEntry {
  return workerEntry('domain/versions/historyWorker');
}
