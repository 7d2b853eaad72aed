import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
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
