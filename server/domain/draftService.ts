import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import { outlineToDoc, type DraftOutline } from '../../shared/draftTemplate';
import { PROSEMIRROR_FRAGMENT, resolutionSchema } from '../../shared/schema';
import type { DraftMember } from './access/draftMember';
import { newVersion } from './versions/newVersion';
import type { DocumentStore, DraftRecord, DraftStore, VersionStore } from '../store/types';

/** Creating and listing drafts; a new draft's text is the first entry of its log. */
export class DraftService {
  constructor(
    private readonly drafts: DraftStore,
    private readonly documents: DocumentStore,
    private readonly versions: VersionStore,
  ) {}

  /** The drafts of the given negotiations. */
  list(negotiationIds: readonly string[]): Promise<DraftRecord[]> {
    return this.drafts.list(negotiationIds);
  }

  get(id: string): Promise<DraftRecord | null> {
    return this.drafts.get(id);
  }

  /** Creates a draft in the creator's negotiation; its first text is kept as a named version everyone can compare against. */
  async create(outline: DraftOutline, creator: DraftMember, firstVersionName = 'Initial text'): Promise<DraftRecord> {
    const now = new Date().toISOString();
    const draft: DraftRecord = {
      id: randomUUID(),
      negotiationId: creator.negotiationId,
      title: outline.title,
      symbol: outline.symbol,
      createdBy: creator.id,
      createdAt: now,
      updatedAt: now,
      editing: 'direct',
    };
    const ydoc = prosemirrorJSONToYDoc(resolutionSchema, outlineToDoc(outline), PROSEMIRROR_FRAGMENT);
    const state = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
    // The text first: a draft listed without its text would open empty.
    const [stored] = await this.documents.append([{ draftId: draft.id, update: state, authorId: creator.id, at: now }]);
    await this.versions.create(
      newVersion({ draftId: draft.id, kind: 'named', name: firstVersionName, author: creator, state, seq: stored.seq, createdAt: now }),
    );
    await this.drafts.create(draft);
    return draft;
  }
}
