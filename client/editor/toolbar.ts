import { Plugin, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { h } from '../app/dom';
import { toolbarItems, type ToolbarItem } from './toolbarItems';

interface Rendered {
  item: ToolbarItem;
  button: HTMLButtonElement;
}

/** The name of the platform's command key, for key hints in titles. */
export function modKeyName(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
}

/**
 * The drafting toolbar, rendered into `container` and kept in step with the
 * editor state: a button is disabled when its command cannot run here, and
 * pressed when its mark is active.
 */
export function toolbarPlugin(container: HTMLElement): Plugin {
  return new Plugin({
    view(view) {
      const rendered: Rendered[] = [];
      const bar = h('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Drafting tools' } });
      for (const group of toolbarItems(modKeyName())) {
        const groupEl = h('div', { class: 'toolbar-group' });
        for (const item of group) {
          const button = renderButton(item, view);
          rendered.push({ item, button });
          groupEl.append(button);
        }
        bar.append(groupEl);
      }
      container.replaceChildren(bar);
      const update = (state: EditorState) => {
        for (const { item, button } of rendered) {
          button.disabled = !view.editable || !item.command(state);
          if (item.active) button.setAttribute('aria-pressed', String(item.active(state)));
        }
      };
      update(view.state);
      return { update: (updated) => update(updated.state), destroy: () => bar.remove() };
    },
  });
}

function renderButton(item: ToolbarItem, view: EditorView): HTMLButtonElement {
  return h(
    'button',
    {
      class: `tool ${item.className ?? ''}`.trim(),
      attrs: { type: 'button', title: item.title, ...(item.name ? { 'aria-label': item.name } : {}) },
      on: {
        // Keep the editor's selection: the command acts where the drafter was writing.
        mousedown: (event) => event.preventDefault(),
        click: () => {
          item.command(view.state, view.dispatch, view);
          view.focus();
        },
      },
    },
    item.label,
  );
}
