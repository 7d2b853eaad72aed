import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import { outlineToDoc, type DraftOutline } from '../../shared/draftTemplate';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../shared/schema';
import type { PublicUser } from '../../shared/user';
import type { DocumentStore, DraftRecord, DraftStore } from '../store/types';

/** Creating and listing drafts; a new draft's text is the first entry of its log. */
export class DraftService {
  constructor(
    private readonly drafts: DraftStore,
    private readonly documents: DocumentStore,
  ) {}

  list(): Promise<DraftRecord[]> {
    return this.drafts.list();
  }

  get(id: string): Promise<DraftRecord | null> {
    return this.drafts.get(id);
  }

  async create(outline: DraftOutline, creator: PublicUser): Promise<DraftRecord> {
    const now = new Date().toISOString();
    const draft: DraftRecord = {
      id: randomUUID(),
      title: outline.title,
      symbol: outline.symbol,
      createdBy: creator.id,
      createdAt: now,
      updatedAt: now,
    };
    const ydoc = prosemirrorJSONToYDoc(resolutionSchema, outlineToDoc(outline), PROSEMIRROR_FRAGMENT);
    try {
      // The text first: a draft listed without its text would open empty.
      await this.documents.append([{ draftId: draft.id, update: Y.encodeStateAsUpdate(ydoc), authorId: creator.id, at: now }]);
    } finally {
      ydoc.destroy();
    }
    await this.drafts.create(draft);
    return draft;
  }
}
