import type { Node as PMNode } from 'prosemirror-model';
import { numberParagraphs } from '../../../shared/numbering';
import type { ParagraphView } from '../../../shared/paragraphs';
import type { ParagraphStatusRecord } from '../../store/types';

/** Every preambular and operative paragraph with an id, in document order, with its label and status. */
export function paragraphViews(node: PMNode, labels: ReadonlyMap<string, string>, statuses: readonly ParagraphStatusRecord[]): ParagraphView[] {
  const byId = new Map(statuses.map((record) => [record.paragraphId, record]));
  return numberParagraphs(node).flatMap(({ id, pos, kind, level, printed, reference }) => {
    if (!id) return [];
    const record = byId.get(id);
    return [{
      id,
      kind,
      level,
      label: labels.get(id) ?? reference,
      number: printed,
      status: record?.status ?? 'open',
      pending: record?.pending ?? [],
      text: node.nodeAt(pos)?.textContent ?? '',
      statusHistory: record?.history ?? [],
    }];
  });
}
