import type { DocumentStore } from '../store/types';

/** Told the outcome and duration of each write of Yjs updates (see Metrics). */
export interface WriteObserver {
  committed(updates: number, seconds: number): void;
  commitFailed(seconds: number): void;
}

/**
 * The store's append, timed: what the persistence queue writes through, so each group-commit
 * write (and each failed attempt) is measured without the queue knowing about metrics.
 */
export function timedAppends(documents: Pick<DocumentStore, 'append'>, observer: WriteObserver): Pick<DocumentStore, 'append'> {
  return {
    append: async (...args) => {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      let stored: Awaited<ReturnType<DocumentStore['append']>>;
      try {
        stored = await documents.append(...args);
      } catch (err) {
        unfailing(() => observer.commitFailed(seconds()));
        throw err;
      }
      unfailing(() => observer.committed(stored.length, seconds()));
      return stored;
    },
  };
}

/** A measurement never changes the outcome of a write: a stored batch reported as failed would be written again. */
function unfailing(measure: () => void): void {
  try {
    measure();
  } catch {
    // The figure is lost; the write's outcome is what matters.
  }
}
