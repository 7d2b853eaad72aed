import type * as Y from 'yjs';
import { LruMap } from '../lruMap';
import type { BinaryState } from './roomDocument';

/** What a read works out from a draft's text; a module-level function, so that it can be a cache key. */
export type Derivation<T> = (doc: Y.Doc) => T;

interface Entry {
  state: BinaryState;
  results: Map<Derivation<unknown>, unknown>;
}

/**
 * Results derived from the binary state of the drafts read last, so that a crowd opening one idle
 * draft builds its transient Y.Doc once (~200 ms for a long draft), not once per browser. Keyed by
 * the binary state's identity: a room that goes live and back holds a new state object, so a
 * result is never served for text it was not derived from. Bounded in drafts, not kept per open
 * draft: a ProseMirror document of a new draft is about 9 KB, ten times its binary state.
 */
export class DerivedReads {
  private readonly entries: LruMap<string, Entry>;

  constructor(capacity: number) {
    this.entries = new LruMap(capacity);
  }

  /** `derive`'s result for `state`, computed by `compute` the first time; callers share it, so it must not be changed. */
  get<T>(draftId: string, state: BinaryState, derive: Derivation<T>, compute: () => T): T {
    let entry = this.entries.get(draftId);
    if (entry?.state !== state) this.entries.set(draftId, (entry = { state, results: new Map() }));
    if (!entry.results.has(derive)) entry.results.set(derive, compute());
    return entry.results.get(derive) as T;
  }

  /** Lets go of a draft's results (its room unloads). */
  forget(draftId: string): void {
    this.entries.delete(draftId);
  }
}
