import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { newParagraphId } from '../../../shared/paragraphIds';
import { isRemoteChange } from '../isRemoteChange';
import { paragraphsNeedingIds, paragraphsOf } from '../paragraphIds';

/**
 * Gives every new or split paragraph a fresh unique id and repairs duplicates,
 * in the same local change that created them, so comments and statuses can keep
 * pointing at a paragraph through renumbering.
 */
export function stableIdsPlugin(newId: () => string = newParagraphId): Plugin {
  return new Plugin({
    key: new PluginKey('stable-ids'),
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged && !isRemoteChange(tr))) return null;

      // Where each paragraph that existed before now sits: it keeps its id.
      const keeperPos = new Map<string, number>();
      for (const { node, pos } of paragraphsOf(oldState.doc)) {
        const mapped = mapAcross(transactions, pos);
        if (node.attrs.id && mapped !== null) keeperPos.set(node.attrs.id as string, mapped);
      }

      const positions = paragraphsNeedingIds(newState.doc, keeperPos);
      if (positions.length === 0) return null;
      const tr = newState.tr;
      for (const pos of positions) tr.setNodeAttribute(pos, 'id', newId());
      return tr;
    },
  });
}

/** Maps the start of a node through the transactions; null when the node was deleted. */
function mapAcross(transactions: readonly Transaction[], pos: number): number | null {
  let mapped = pos;
  for (const tr of transactions) {
    const result = tr.mapping.mapResult(mapped, 1);
    if (result.deleted) return null;
    mapped = result.pos;
  }
  return mapped;
}
