import { Plugin, PluginKey } from 'prosemirror-state';
import type { Schema } from 'prosemirror-model';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { listeningToBinding } from '../yBinding';

/**
 * Gives every empty paragraph this editor creates an empty Y.XmlText, in the Yjs change right
 * after y-prosemirror's, so that delegations who start typing in it at the same moment write
 * into one shared text. Otherwise each first keystroke creates a Y.XmlText of its own, and
 * y-prosemirror 1.3.7 merges the two on both sides at once, doubling a letter ("FFurther";
 * yjs/y-prosemirror#161, #271). y-prosemirror keeps a paragraph's Y.XmlText when it is emptied,
 * so paragraphs that have had text need nothing.
 */
export function paragraphTextPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('paragraph-text'),
    view: (view) =>
      listeningToBinding(view, ({ doc }) => {
        const giveText = (transaction: Y.Transaction) => {
          if (transaction.origin !== ySyncPluginKey) return;
          const empty = newEmptyTextblocks(transaction, view.state.schema);
          // Still inside y-prosemirror's own update, so it does not re-render for this.
          if (empty.length > 0) doc.transact(() => empty.forEach((el) => el.insert(0, [new Y.XmlText()])), ySyncPluginKey);
        };
        doc.on('afterTransaction', giveText);
        return () => doc.off('afterTransaction', giveText);
      }),
  });
}

/** Textblocks without children that this client added in `transaction`. */
function newEmptyTextblocks(transaction: Y.Transaction, schema: Schema): Y.XmlElement[] {
  const { doc, beforeState } = transaction;
  const isNew = (type: Y.XmlElement) =>
    type._item !== null && type._item.id.client === doc.clientID && type._item.id.clock >= (beforeState.get(doc.clientID) ?? 0);
  const found: Y.XmlElement[] = [];
  const visit = (el: Y.XmlElement) => {
    if (el.length === 0 && schema.nodes[el.nodeName]?.isTextblock) found.push(el);
    for (const child of el.toArray()) if (child instanceof Y.XmlElement) visit(child);
  };
  for (const parent of transaction.changed.keys()) {
    if (!(parent instanceof Y.XmlFragment)) continue;
    for (const child of parent.toArray()) if (child instanceof Y.XmlElement && isNew(child)) visit(child);
  }
  return found;
}
