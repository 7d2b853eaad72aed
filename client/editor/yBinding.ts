import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState, PluginView } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';

/** What y-prosemirror's sync plugin exposes of its binding. */
export interface Binding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, PMNode | PMNode[]>;
}

export function yBinding(state: EditorState): Binding | null {
  return (ySyncPluginKey.getState(state) as { binding?: Binding } | undefined)?.binding ?? null;
}

/**
 * A plugin view that listens to the editor's Yjs binding while the editor lives:
 * `listen` subscribes and returns how to unsubscribe.
 */
export function listeningToBinding(view: EditorView, listen: (binding: Binding) => () => void): PluginView {
  const binding = yBinding(view.state);
  return binding ? { destroy: listen(binding) } : {};
}
