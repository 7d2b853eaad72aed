import type * as Y from 'yjs';
import { numberParagraphs } from '../../../shared/numbering';
import { draftNodeOf } from '../paragraphs/draftNode';
import type { LabelSource } from './paragraphLabels';

/** Labels as the clean numbering gives them (PP4, OP3(a)): they move when paragraphs are inserted; see StableLabels. */
export class DerivedLabels implements LabelSource {
  async labelsOf(_draftId: string, doc: Y.Doc): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    for (const { id, reference } of numberParagraphs(draftNodeOf(doc))) if (id) labels.set(id, reference);
    return labels;
  }
}
