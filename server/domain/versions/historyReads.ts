import type { DraftModel } from '../../documents/draftModel';
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
  await call({ kind: 'compareStart', from: input.from, to: input.to, replayFrom: input.replayFrom, authors: plainAuthors(input.authors) });
  await streamUpdates(input.updates, (updates) => call({ kind: 'compareUpdates', updates }));
  return (await call({ kind: 'compareEnd' })) as StatesComparison;
}

export interface TrackInput {
  /** The base version's state and the log after it, up to the exported text. */
  replayFrom: Uint8Array;
  updates: AsyncIterable<StoredUpdate>;
  authors: Map<string, Author>;
  /** The exported text's labels of the round, by paragraph id, and its date. */
  labels: ReadonlyMap<string, string>;
  date: string;
}

/** The exported text with every change since the base attributed to its delegation, computed by the worker. */
export async function trackChanges(call: HistoryCall, input: TrackInput): Promise<DraftModel> {
  await call({ kind: 'trackStart', replayFrom: input.replayFrom, authors: plainAuthors(input.authors) });
  await streamUpdates(input.updates, (updates) => call({ kind: 'trackUpdates', updates }));
  return (await call({ kind: 'trackEnd', labels: [...input.labels], date: input.date })) as DraftModel;
}

/** Authors as the worker takes them: only the fields it needs, as pairs. */
function plainAuthors(authors: Map<string, Author>): Array<[string, Author]> {
  return [...authors].map(([id, { delegation, displayName }]): [string, Author] => [id, { delegation, displayName }]);
}

/** Hands the log to `send` in batches of BATCH entries. */
async function streamUpdates(updates: AsyncIterable<StoredUpdate>, send: (batch: ReplayedUpdate[]) => Promise<unknown>): Promise<void> {
  let batch: ReplayedUpdate[] = [];
  for await (const { update, authorId, at } of updates) {
    batch.push({ update, authorId, at });
    if (batch.length < BATCH) continue;
    await send(batch);
    batch = [];
  }
  if (batch.length > 0) await send(batch);
}
