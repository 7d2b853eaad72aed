import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocumentStore, StoredDocument } from '../store/types';
import { completeStateVector } from './completeStateVector';
import type { UpdateOrigin } from './origin';
import type { BinaryState, DraftContent } from './roomDocument';

export interface LoadedDocument {
  doc: Y.Doc;
  lastSeq: number;
  updatesSinceSnapshot: number;
}

export interface LoadedDraft {
  content: DraftContent;
  lastSeq: number;
  updatesSinceSnapshot: number;
}

const FROM_STORE: UpdateOrigin = { source: 'store' };
/** Updates merged at once: Yjs' mergeUpdates grows with the square of its inputs (50,000 at once: 77 s; 128 at a time: 0.2 s). */
const MERGE_FAN_IN = 128;
/** An empty document's state: no structs, no deletions. */
const EMPTY_STATE = new Uint8Array([0, 0]);

/**
 * Reads a draft as binary state, with no Y.Doc: the snapshot, merged with the log after it. Only
 * when the store reported nothing damaged and the merge is whole (see completeStateVector);
 * otherwise, and when Yjs cannot merge an entry, the document is rebuilt as loadDocument does,
 * leaving out (and logging) what cannot be read.
 */
export async function loadDraft(documents: DocumentStore, draftId: string, logger: Logger): Promise<LoadedDraft> {
  const stored = await documents.load(draftId);
  const lastSeq = lastSeqOf(stored);
  const updatesSinceSnapshot = stored.updates.length;
  const binary = stored.corrupt?.length ? null : binaryState(stored, draftId, logger);
  if (binary) return { content: binary, lastSeq, updatesSinceSnapshot };
  return { content: { doc: rebuild(stored, draftId, logger) }, lastSeq, updatesSinceSnapshot };
}

/**
 * Rebuilds a draft from its snapshot and the log after it. A store error propagates, so
 * the caller never serves (and never saves over) a document it could not read. What the
 * store found damaged (a blob failing its checksum) was left out: the draft loads from what
 * is intact (an older snapshot, the log) and each loss is logged as an error. One log entry
 * that Yjs cannot read is logged and skipped rather than making the whole draft unreadable.
 */
export async function loadDocument(documents: DocumentStore, draftId: string, logger: Logger): Promise<LoadedDocument> {
  const stored = await documents.load(draftId);
  return { doc: rebuild(stored, draftId, logger), lastSeq: lastSeqOf(stored), updatesSinceSnapshot: stored.updates.length };
}

function lastSeqOf(stored: StoredDocument): number {
  return stored.updates.reduce((last, entry) => Math.max(last, entry.seq), stored.snapshot?.seq ?? 0);
}

function binaryState(stored: StoredDocument, draftId: string, logger: Logger): BinaryState | null {
  const parts = stored.updates.map((entry) => entry.update);
  if (stored.snapshot) parts.unshift(stored.snapshot.state);
  try {
    const state = parts.length === 0 ? EMPTY_STATE : merge(parts);
    const stateVector = completeStateVector(state);
    if (stateVector) return { state, stateVector };
    logger.warn({ draftId }, 'stored state has gaps; rebuilding the document');
  } catch (err) {
    logger.warn({ err, draftId }, 'stored state could not be merged; rebuilding the document');
  }
  return null;
}

function merge(updates: Uint8Array[]): Uint8Array {
  while (updates.length > 1) {
    const merged: Uint8Array[] = [];
    for (let at = 0; at < updates.length; at += MERGE_FAN_IN) merged.push(Y.mergeUpdates(updates.slice(at, at + MERGE_FAN_IN)));
    updates = merged;
  }
  return updates[0];
}

function rebuild(stored: StoredDocument, draftId: string, logger: Logger): Y.Doc {
  for (const record of stored.corrupt ?? []) {
    logger.error({ draftId, corrupt: record }, `damaged ${record.kind} ${record.ref} left out of the load (checksum mismatch)`);
  }
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state, FROM_STORE);
    for (const entry of stored.updates) {
      try {
        Y.applyUpdate(doc, entry.update, FROM_STORE);
      } catch (err) {
        logger.error({ err, draftId, seq: entry.seq }, 'skipped unreadable log entry');
      }
    }
  }, FROM_STORE);
  dropPending(doc, draftId, logger);
  return doc;
}

/**
 * Changes that follow on from a damaged entry left out cannot be placed; kept pending, they would
 * make the room refuse the next client's update (it allows nothing pending). They stay in the log;
 * their author's client sends them again with what they follow on from.
 */
function dropPending(doc: Y.Doc, draftId: string, logger: Logger): void {
  const { store } = doc;
  if (!store.pendingStructs && !store.pendingDs) return;
  const waitingFor = store.pendingStructs ? [...store.pendingStructs.missing.keys()] : [];
  logger.error({ draftId, waitingFor }, 'changes that follow on from what was left out of the load dropped from memory (still in the log)');
  store.pendingStructs = null;
  store.pendingDs = null;
}
