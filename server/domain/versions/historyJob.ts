import { compareDrafts, type DocJson, type DraftComparison } from '../../../shared/diff';
import { plainText } from '../../../shared/plainText';
import type { ParagraphAttribution } from '../../../shared/versions';
import { AttributionReplay, type Author, type ReplayedUpdate } from './attributionReplay';
import { stateToDoc } from './stateToDoc';
import type { DraftModel } from '../../documents/draftModel';
import { TrackedReplay } from '../../documents/trackedReplay';

/** The messages of a history worker: CPU-heavy reads of stored states and the log. */
export type HistoryRequest =
  | { kind: 'open'; state: Uint8Array }
  | { kind: 'compareStart'; from: Uint8Array; to: Uint8Array; replayFrom: Uint8Array; authors: Array<[string, Author]> }
  | { kind: 'compareUpdates'; updates: ReplayedUpdate[] }
  | { kind: 'compareEnd' }
  | { kind: 'trackStart'; replayFrom: Uint8Array; authors: Array<[string, Author]> }
  | { kind: 'trackUpdates'; updates: ReplayedUpdate[] }
  | { kind: 'trackEnd'; labels: Array<[string, string]>; date: string };

export type HistoryReply = { ok: true; value: unknown } | { ok: false; error: string };

export interface OpenedState {
  doc: ReturnType<typeof stateToDoc>;
  text: string;
}

export type StatesComparison = DraftComparison & { attribution: ParagraphAttribution[] };

/**
 * One history job at a time, fed message by message (a compare streams the log in batches).
 * Runs inside a worker thread in the server; plain code, so tests can drive it directly.
 */
export class HistoryJob {
  private comparing: { comparison: DraftComparison; replay: AttributionReplay } | null = null;
  /** A tracked-changes export: the log from its base replayed with who wrote and deleted what. */
  private tracking: TrackedReplay | null = null;

  handle(request: HistoryRequest): HistoryReply {
    try {
      return { ok: true, value: this.run(request) };
    } catch (err) {
      this.reset();
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  private run(request: HistoryRequest): unknown {
    switch (request.kind) {
      case 'open': {
        const doc = stateToDoc(request.state);
        return { doc, text: plainText(doc as DocJson) } satisfies OpenedState;
      }
      case 'compareStart': {
        this.reset();
        const comparison = compareDrafts(stateToDoc(request.from) as DocJson, stateToDoc(request.to) as DocJson);
        const authors = new Map(request.authors);
        this.comparing = { comparison, replay: new AttributionReplay(request.replayFrom, (id) => authors.get(id)) };
        return null;
      }
      case 'compareUpdates': {
        const { replay } = this.mustBeComparing();
        request.updates.forEach((update) => replay.apply(update));
        return null;
      }
      case 'compareEnd': {
        const { comparison, replay } = this.mustBeComparing();
        const result: StatesComparison = { ...comparison, attribution: replay.result() };
        this.reset();
        return result;
      }
      case 'trackStart': {
        this.reset();
        const authors = new Map(request.authors);
        this.tracking = new TrackedReplay(request.replayFrom, (id) => authors.get(id));
        return null;
      }
      case 'trackUpdates': {
        const tracking = this.mustBeTracking();
        request.updates.forEach((update) => tracking.apply(update));
        return null;
      }
      case 'trackEnd': {
        const model: DraftModel = this.mustBeTracking().result(new Map(request.labels), request.date);
        this.reset();
        return model;
      }
    }
  }

  private mustBeComparing(): NonNullable<HistoryJob['comparing']> {
    if (!this.comparing) throw new Error('no compare in progress');
    return this.comparing;
  }

  private mustBeTracking(): TrackedReplay {
    if (!this.tracking) throw new Error('no tracked export in progress');
    return this.tracking;
  }

  private reset(): void {
    this.comparing?.replay.destroy();
    this.comparing = null;
    this.tracking?.destroy();
    this.tracking = null;
  }
}
