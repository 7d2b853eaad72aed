import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { DocxView } from '../../shared/documentExports';
import { PROSEMIRROR_FRAGMENT } from '../../shared/schema';
import { withDeadline } from '../deadline';
import type { DraftAuthors } from '../domain/access/draftAuthors';
import { DomainError } from '../domain/domainError';
import type { LabelSource } from '../domain/labels/paragraphLabels';
import { trackChanges } from '../domain/versions/historyReads';
import type { HistoryWorkers } from '../domain/versions/historyWorkers';
import type { LiveDrafts } from '../domain/versions/liveDraft';
import { refuseDamaged } from '../domain/versions/refuseDamaged';
import type { VersionService } from '../domain/versions/versionService';
import type { DocumentStore } from '../store/types';
import type { DraftModel } from './draftModel';
import { readDraft } from './readDraft';

export interface DocumentExportsOptions {
  versions: Pick<VersionService, 'mustGet'>;
  documents: Pick<DocumentStore, 'updatesBetween'>;
  live: LiveDrafts;
  labels: LabelSource;
  history: HistoryWorkers;
  authorsOf: DraftAuthors;
  /** Longest wait for pending edits to be stored before exporting the current text gives up (503). */
  durableWaitMs: number;
  now?: () => Date;
}

/** A state of the text to export: its Yjs state, the log position it covers, and its date. */
interface TextState {
  state: Uint8Array;
  seq: number;
  date: string;
}

/**
 * The model of a draft to export (the caller checked the reader's access): the current text or a
 * version, clean or with its changes against a base version attributed to delegations. Only the
 * text goes out: comments, statuses and proposals are not part of it.
 */
export class DocumentExports {
  constructor(private readonly options: DocumentExportsOptions) {}

  async model(draftId: string, { version, view, base }: { version: string; view: DocxView; base?: string }): Promise<DraftModel> {
    if (view === 'compilation') throw new DomainError('no proposals in this build yet', 409);
    if (view === 'clean') return this.clean(draftId, version);
    if (!base) throw new DomainError('a tracked export needs base=<version id>: the version its changes are shown against', 400);
    return this.tracked(draftId, version, base);
  }

  async clean(draftId: string, version: string): Promise<DraftModel> {
    const { state, date } = await this.textState(draftId, version);
    return withDoc(state, async (doc) => readDraft(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(PROSEMIRROR_FRAGMENT)), await this.options.labels.labelsOf(draftId, doc), date));
  }

  /** The log from the base to the text is replayed in a history worker, off the event loop. */
  async tracked(draftId: string, version: string, baseId: string): Promise<DraftModel> {
    const { versions, documents, history, authorsOf } = this.options;
    return history.run(async (call) => {
      const base = await versions.mustGet(draftId, baseId);
      const target = await this.textState(draftId, version);
      if (base.seq > target.seq) throw new DomainError('the base version is newer than the text exported; choose an older one', 400);
      const labels = await withDoc(target.state, (doc) => this.options.labels.labelsOf(draftId, doc));
      const updates = documents.updatesBetween(draftId, base.seq, target.seq);
      return refuseDamaged(trackChanges(call, { replayFrom: base.state, updates, authors: await authorsOf(draftId), labels, date: target.date }));
    });
  }

  private async textState(draftId: string, version: string): Promise<TextState> {
    if (version !== 'current') {
      const { state, seq, createdAt } = await this.options.versions.mustGet(draftId, version);
      return { state, seq, date: createdAt };
    }
    const capture = this.options.live.withRoom(draftId, (draft) => draft.captureDurableState());
    const { state, seq } = await withDeadline(capture, this.options.durableWaitMs, () => new DomainError('saving is failing; nothing was exported, try again later', 503));
    return { state, seq, date: (this.options.now?.() ?? new Date()).toISOString() };
  }
}

/** Runs `use` on a Y.Doc holding `state`, destroyed afterwards. */
async function withDoc<T>(state: Uint8Array, use: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return await use(doc);
  } finally {
    doc.destroy();
  }
}
