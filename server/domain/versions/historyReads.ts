import type { StoredUpdate } from '../../store/types';
import type { Author, ReplayedUpdate } from './attributionReplay';
import type { OpenedState, StatesComparison } from './historyJob';
import type { HistoryWorkers } from './historyWorkers';

/** Log entries per message to the worker: the log is streamed, never held whole. */
const BATCH = 1000;

export interface CompareInput {
  from: Uint8Array;
  to: Uint8Array;
  /** The older state and the log after it, up to the newer one: replayed for attribution. */
  replayFrom: Uint8Array;
  updates: AsyncIterable<StoredUpdate>;
  authors: Map<string, Author>;
}

/** The ProseMirror JSON and plain text of a stored state, decoded off the event loop. */
export function openState(workers: HistoryWorkers, state: Uint8Array): Promise<OpenedState> {
  return workers.run((call) => call({ kind: 'open', state }) as Promise<OpenedState>);
}

/** Diff of two states and who made the changes between them, computed off the event loop. */
export function compareStates(workers: HistoryWorkers, input: CompareInput): Promise<StatesComparison> {
  return workers.run(async (call) => {
    const authors = [...input.authors].map(([id, { delegation, displayName }]): [string, Author] => [id, { delegation, displayName }]);
    await call({ kind: 'compareStart', from: input.from, to: input.to, replayFrom: input.replayFrom, authors });
    let batch: ReplayedUpdate[] = [];
    for await (const { update, authorId, at } of input.updates) {
      batch.push({ update, authorId, at });
      if (batch.length < BATCH) continue;
      await call({ kind: 'compareUpdates', updates: batch });
      batch = [];
    }
    if (batch.length > 0) await call({ kind: 'compareUpdates', updates: batch });
    return (await call({ kind: 'compareEnd' })) as StatesComparison;
  });
}
