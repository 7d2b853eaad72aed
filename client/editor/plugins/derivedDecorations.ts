import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { DecorationSet, type Decoration } from 'prosemirror-view';
import { textOnlyChange } from './textOnlyChange';

export interface DerivedOptions {
  /** The decorations depend on the paragraphs' order, kinds, levels and ids, not their text: typing inside a paragraph maps them. */
  structureOnly?: boolean;
}

/**
 * A plugin whose decorations are a pure function of the document: recomputed
 * when the document changes (locally or from another delegation), kept otherwise.
 * Numbering, lead words, lint markers and placeholders are all shown this way,
 * so none of them is ever stored in the text.
 */
export function derivedDecorations(name: string, build: (doc: PMNode) => Decoration[], { structureOnly = false }: DerivedOptions = {}): Plugin {
  const key = new PluginKey<DecorationSet>(name);
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_, state) => DecorationSet.create(state.doc, build(state.doc)),
      apply: (tr, previous) => {
        if (!tr.docChanged) return previous;
        if (structureOnly && textOnlyChange(tr)) return previous.map(tr.mapping, tr.doc);
        return DecorationSet.create(tr.doc, build(tr.doc));
      },
    },
    props: {
      decorations: (state) => key.getState(state),
    },
  });
}
