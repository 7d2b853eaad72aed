import * as Y from 'yjs';
import { StoredSeqWatermark } from '../../server/collab/storedSeqWatermark';
import type { DocumentStore, StoredDocument, StoredUpdate } from '../../server/store/types';

/**
 * One server instance writing a draft as its room does: edits its own copy, appends each edit
 * (under a batch id of its own), learns the seqs, and snapshots its partial view with the
 * watermark it knows (see server/collab/storedSeqWatermark.ts). Other instances' entries reach
 * it only when told (`hear`, as the relay would).
 */
export class LogWriter {
  readonly doc = new Y.Doc();
  readonly stored: StoredUpdate[] = [];
  private readonly watermark = new StoredSeqWatermark(0);
  private batches = 0;

  constructor(
    private readonly documents: DocumentStore,
    private readonly draftId: string,
    readonly name: string,
  ) {}

  /** Appends `edits` edits in one batch. */
  async edit(edits: number): Promise<void> {
    const updates = Array.from({ length: edits }, (_, i) => this.type(`${this.name}${this.batches}.${i} `));
    const batchId = `${this.name}-${this.batches++}`;
    const at = new Date().toISOString();
    const stored = await this.documents.append(updates.map((update) => ({ draftId: this.draftId, update, authorId: this.name, at })), batchId);
    for (const entry of stored) this.watermark.note(entry.seq);
    this.stored.push(...stored);
  }

  async snapshot(): Promise<void> {
    await this.documents.saveSnapshot(this.draftId, { state: Y.encodeStateAsUpdate(this.doc), seq: this.watermark.value });
  }

  /** Applies entries another instance stored, then notes their seqs. */
  hear(entries: readonly StoredUpdate[]): void {
    for (const entry of entries) {
      Y.applyUpdate(this.doc, entry.update);
      this.watermark.note(entry.seq);
    }
  }

  destroy(): void {
    this.doc.destroy();
  }

  private type(text: string): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    this.doc.getText('text').insert(0, text);
    return Y.encodeStateAsUpdate(this.doc, before);
  }
}

/** A document built from entries, or from what a load returned. */
export function docOf(source: StoredDocument | readonly StoredUpdate[]): Y.Doc {
  const doc = new Y.Doc();
  const updates = 'snapshot' in source ? [...(source.snapshot ? [source.snapshot.state] : []), ...source.updates.map((e) => e.update)] : source.map((e) => e.update);
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** What two documents hold, for comparing: who wrote how much, and the text. */
export function contentOf(doc: Y.Doc): { stateVector: Record<string, number>; text: string } {
  const stateVector = Object.fromEntries([...Y.decodeStateVector(Y.encodeStateVector(doc))].map(([client, clock]) => [String(client), clock]));
  return { stateVector, text: doc.getText('text').toString() };
}
