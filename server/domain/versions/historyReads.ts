import type { StoredUpdate } from '../../store/types';
import type { Author, ReplayedUpdate } from './attributionReplay';
import type { OpenedState, StatesComparison } from './historyJob';
import type { HistoryCall } from './historyWorkers';

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

/** The ProseMirror JSON and plain text of a stored state, decoded by the worker. */
export function openState(call: HistoryCall, state: Uint8Array): Promise<OpenedState> {
  return call({ kind: 'open', state }) as Promise<OpenedState>;
}

/** Diff of two states and who made the changes between them, computed by the worker. */
export async function compareStates(call: HistoryCall, input: CompareInput): Promise<StatesComparison> {
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
}
