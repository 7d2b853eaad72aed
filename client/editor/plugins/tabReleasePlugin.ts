import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';

const key = new PluginKey<boolean>('tabRelease');

/**
 * The documented way out of an editor that uses Tab for sub-paragraph levels: Escape, then
 * Tab (or Shift-Tab) moves the focus to the next (previous) control, as in code editors that
 * trap Tab. Any other key, click or edit gives Tab back to the levels.
 */
export function tabReleasePlugin(): Plugin<boolean> {
  return new Plugin<boolean>({
    key,
    state: {
      init: () => false,
      apply: (tr, released) => {
        const meta = tr.getMeta(key) as boolean | undefined;
        if (meta !== undefined) return meta;
        return released && !tr.docChanged && !tr.selectionSet;
      },
    },
    props: {
      handleKeyDown(view, event) {
        const released = key.getState(view.state) ?? false;
        if (event.key === 'Escape') {
          if (!released) view.dispatch(view.state.tr.setMeta(key, true).setMeta('addToHistory', false));
        } else if (released && event.key !== 'Tab' && !['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) {
          view.dispatch(view.state.tr.setMeta(key, false).setMeta('addToHistory', false));
        }
        return false;
      },
      handleDOMEvents: {
        focus(view) {
          if (key.getState(view.state)) view.dispatch(view.state.tr.setMeta(key, false).setMeta('addToHistory', false));
          return false;
        },
      },
    },
  });
}

/** True after Escape: Tab belongs to the browser's focus order until the next key. */
export function tabReleased(state: EditorState): boolean {
  return key.getState(state) ?? false;
}
