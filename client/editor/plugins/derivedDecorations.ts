import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { DecorationSet, type Decoration } from 'prosemirror-view';

/**
 * A plugin whose decorations are a pure function of the document: recomputed
 * when the document changes (locally or from another delegation), kept otherwise.
 * Numbering, lead words, lint markers and placeholders are all shown this way,
 * so none of them is ever stored in the text.
 */
export function derivedDecorations(name: string, build: (doc: PMNode) => Decoration[]): Plugin {
  const key = new PluginKey<DecorationSet>(name);
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_, state) => DecorationSet.create(state.doc, build(state.doc)),
      apply: (tr, previous) => (tr.docChanged ? DecorationSet.create(tr.doc, build(tr.doc)) : previous),
    },
    props: {
      decorations: (state) => key.getState(state),
    },
  });
}
