import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocumentStore } from '../store/types';
import type { UpdateOrigin } from './origin';

export interface LoadedDocument {
  doc: Y.Doc;
  lastSeq: number;
  updatesSinceSnapshot: number;
}

const FROM_STORE: UpdateOrigin = { source: 'store' };

/**
 * Rebuilds a draft from its snapshot and the log after it. A store error propagates, so
 * the caller never serves (and never saves over) a document it could not read. What the
 * store found damaged (a blob failing its checksum) was left out: the draft loads from what
 * is intact (an older snapshot, the log) and each loss is logged as an error. One log entry
 * that Yjs cannot read is logged and skipped rather than making the whole draft unreadable.
 */
export async function loadDocument(documents: DocumentStore, draftId: string, logger: Logger): Promise<LoadedDocument> {
  const stored = await documents.load(draftId);
  for (const record of stored.corrupt ?? []) {
    logger.error({ draftId, corrupt: record }, `damaged ${record.kind} ${record.ref} left out of the load (checksum mismatch)`);
  }
  const doc = new Y.Doc();
  let lastSeq = stored.snapshot?.seq ?? 0;
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state, FROM_STORE);
    for (const entry of stored.updates) {
      try {
        Y.applyUpdate(doc, entry.update, FROM_STORE);
      } catch (err) {
        logger.error({ err, draftId, seq: entry.seq }, 'skipped unreadable log entry');
      }
      lastSeq = Math.max(lastSeq, entry.seq);
    }
  }, FROM_STORE);
  dropPending(doc, draftId, logger);
  return { doc, lastSeq, updatesSinceSnapshot: stored.updates.length };
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
