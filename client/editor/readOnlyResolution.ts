import type { Node as PMNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { displayPlugins } from './plugins/displayPlugins';

/**
 * A draft rendered read-only in UN layout, with the editor's numbering and lead words but
 * none of its tools (print view, version preview). Destroy the view when done with it.
 */
export function readOnlyResolution(place: HTMLElement, doc: PMNode): EditorView {
  return new EditorView(place, {
    state: EditorState.create({ doc, plugins: displayPlugins() }),
    editable: () => false,
    attributes: { class: 'resolution' },
  });
}
