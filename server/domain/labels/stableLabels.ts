import type { Node as PMNode } from 'prosemirror-model';
import * as Y from 'yjs';
import { labelParagraphs, type LabelInput } from '../../../shared/labels';
import { numberParagraphs } from '../../../shared/numbering';
import { resolutionSchema } from '../../../shared/schema';
import { draftNodeOf } from '../paragraphs/draftNode';
import { LruMap } from '../../lruMap';
import type { VersionMeta, VersionStore } from '../../store/types';
import { refuseDamaged } from '../versions/refuseDamaged';
import { stateToDoc } from '../versions/stateToDoc';
import type { LabelSource } from './paragraphLabels';

/**
 * The version a draft's current round started from: the newest round, or else the draft's first
 * version (the zero draft every new draft is created with). A draft that has only automatic
 * checkpoints, which are pruned, counts from the oldest of those left.
 */
export async function roundBase(versions: VersionStore, draftId: string): Promise<VersionMeta | null> {
  const newestFirst = await versions.list(draftId);
  const oldestFirst = [...newestFirst].reverse();
  return newestFirst.find((v) => v.kind === 'round') ?? oldestFirst.find((v) => v.kind !== 'auto') ?? oldestFirst[0] ?? null;
}

/** Drafts whose base numbering is kept: ~115 B per paragraph (2 KB for the 18-paragraph demo draft). */
const BASES_KEPT = 64;

/**
 * Labels of the round (PP4bis, OP3(a)bis): the current paragraphs labelled against the numbering
 * of the round's base version. The base's numbering is kept until the round changes, so the base
 * state is decoded once per round; for the drafts read last only, so that a long-running process
 * does not keep one for every draft it ever read (a draft read again after that decodes it again).
 */
export class StableLabels implements LabelSource {
  private readonly bases: LruMap<string, { versionId: string; paragraphs: LabelInput[] }>;

  constructor(
    private readonly versions: VersionStore,
    draftsKept = BASES_KEPT,
  ) {
    this.bases = new LruMap(draftsKept);
  }

  async labelsOf(draftId: string, text: Y.Doc | PMNode): Promise<Map<string, string>> {
    const current = labelInputs(text instanceof Y.Doc ? draftNodeOf(text) : text);
    return labelParagraphs((await this.baseOf(draftId)) ?? current, current);
  }

  private async baseOf(draftId: string): Promise<LabelInput[] | null> {
    const base = await roundBase(this.versions, draftId);
    if (!base) return null;
    const known = this.bases.get(draftId);
    if (known?.versionId === base.id) return known.paragraphs;
    const record = await refuseDamaged(this.versions.get(base.id));
    if (!record) return null;
    const paragraphs = labelInputs(resolutionSchema.nodeFromJSON(stateToDoc(record.state)));
    this.bases.set(draftId, { versionId: base.id, paragraphs });
    return paragraphs;
  }
}

/** The clean numbering of a document's paragraphs that have an id. */
function labelInputs(doc: PMNode): LabelInput[] {
  return numberParagraphs(doc).flatMap(({ id, kind, level, reference }) => (id ? [{ id, kind, level, reference }] : []));
}
