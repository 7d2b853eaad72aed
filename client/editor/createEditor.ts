import { EditorState, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { PARAGRAPH_TYPES, resolutionSchema } from '../../shared/schema';
import { resolutionKeymap } from './keymap';
import { displayPlugins } from './plugins/displayPlugins';
import { lintPlugin } from './plugins/lintPlugin';
import { ownAwarenessPlugin } from './plugins/ownAwarenessPlugin';
import { paragraphTextPlugin } from './plugins/paragraphTextPlugin';
import { pastedParagraphsPlugin } from './plugins/pastedParagraphsPlugin';
import { placeholderPlugin } from './plugins/placeholderPlugin';
import { stableIdsPlugin } from './plugins/stableIdsPlugin';
import { stableLabelsPlugin } from './plugins/stableLabelsPlugin';
import { stickyCaretPlugin } from './plugins/stickyCaretPlugin';
import { drawsRemoteCursor, remoteCursorBuilders } from './remoteCursor';
import { toolbarPlugin } from './toolbar';

export interface CollabEditorOptions {
  mount: HTMLElement;
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /** False for observers: the server drops their edits, so the editor does not offer them. */
  editable: boolean;
  /** Where the drafting toolbar goes; null for a read-only view. */
  toolbar: HTMLElement | null;
  /** Plugins that see keys and input before the editor's own (Propose mode). */
  firstPlugins?: Plugin[];
  /** Plugins of features shown in the text (comment highlights ...), added after the editor's own. */
  plugins?: Plugin[];
  /** Called once at start and whenever the document changes (not on cursor moves). */
  onChange?: (state: EditorState) => void;
}

/** The collaborative editor of one draft, bound to its Yjs fragment. */
export function createCollabEditor(options: CollabEditorOptions): EditorView {
  const plugins = [
    ...(options.firstPlugins ?? []),
    ySyncPlugin(options.fragment),
    ownAwarenessPlugin(options.awareness),
    yCursorPlugin(options.awareness, {
      awarenessStateFilter: drawsRemoteCursor,
      ...remoteCursorBuilders(options.awareness),
    }),
    // Undo never deletes a paragraph someone else has since written in.
    yUndoPlugin({ protectedNodes: PARAGRAPH_TYPES }),
    // Words two delegations type at the same spot stay whole.
    stickyCaretPlugin(),
    paragraphTextPlugin(),
    pastedParagraphsPlugin(),
    ...resolutionKeymap(),
    stableIdsPlugin(),
    ...displayPlugins(),
    stableLabelsPlugin(),
    lintPlugin(),
    placeholderPlugin(),
    ...(options.toolbar ? [toolbarPlugin(options.toolbar)] : []),
    ...(options.plugins ?? []),
  ];
  const view = new EditorView(options.mount, {
    state: EditorState.create({ schema: resolutionSchema, plugins }),
    editable: () => options.editable,
    attributes: { class: 'resolution', spellcheck: 'true', 'aria-label': 'Draft resolution text' },
    // `this`, not `view`: y-prosemirror dispatches its first render while the view is being constructed.
    dispatchTransaction(this: EditorView, tr) {
      // y-prosemirror 1.3.7 sends cursor and sync metas a turn later, checking a `binding.isDestroyed`
      // that its binding never sets: one can reach a view destroyed meanwhile (leaving the editor).
      if (this.isDestroyed) return;
      this.updateState(this.state.apply(tr));
      // Selection-only transactions (every cursor move) leave the heading as it was.
      if (tr.docChanged) options.onChange?.(this.state);
    },
  });
  options.onChange?.(view.state);
  return view;
}
