import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { compileDraft } from '../../shared/compilation';
import type { DocxView } from '../../shared/documentExports';
import type { ProposalView } from '../../shared/proposals';
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
import { readCompilation } from './readCompilation';
import { readDraft } from './readDraft';

export interface DocumentExportsOptions {
  versions: Pick<VersionService, 'mustGet'>;
  documents: Pick<DocumentStore, 'updatesBetween'>;
  live: LiveDrafts;
  labels: LabelSource;
  history: HistoryWorkers;
  authorsOf: DraftAuthors;
  /** The draft's proposals (the compilation shows the pending ones). */
  proposals: (draftId: string) => Promise<ProposalView[]>;
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
 * version, clean or with its changes against a base version attributed to delegations, or the
 * compilation of pending proposals. Comments and statuses are never part of it.
 */
export class DocumentExports {
  constructor(private readonly options: DocumentExportsOptions) {}

  async model(draftId: string, { version, view, base }: { version: string; view: DocxView; base?: string }): Promise<DraftModel> {
    if (view === 'compilation') return this.compilation(draftId, version);
    if (view === 'clean') return this.clean(draftId, version);
    if (!base) throw new DomainError('a tracked export needs base=<version id>: the version its changes are shown against', 400);
    return this.tracked(draftId, version, base);
  }

  async clean(draftId: string, version: string): Promise<DraftModel> {
    const { state, date } = await this.textState(draftId, version);
    return withDoc(state, async (doc) => readDraft(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(PROSEMIRROR_FRAGMENT)), await this.options.labels.labelsOf(draftId, doc), date));
  }

  /** The current text with every pending proposal in the room's notation; proposals concern the text as it is now. */
  async compilation(draftId: string, version: string): Promise<DraftModel> {
    if (version !== 'current') throw new DomainError('a compilation shows the pending proposals on the current text: leave out version', 400);
    const [{ state, date }, proposals] = await Promise.all([this.textState(draftId, version), this.options.proposals(draftId)]);
    return withDoc(state, async (doc) => {
      const labels = await this.options.labels.labelsOf(draftId, doc);
      return readCompilation(compileDraft(doc, proposals, labels, { kind: 'compilation' }), date);
    });
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
