import { h } from '../app/dom';
import { openOverlay } from '../history/overlay';
import type { ShortcutGroup } from './shortcuts';

export const KEYBOARD_HELP_TITLE = 'Keyboard shortcuts';

/** The shortcuts as a list of term and description per group. */
export function shortcutList(groups: ShortcutGroup[]): HTMLElement {
  return h(
    'div',
    { class: 'keyboard-help' },
    ...groups.map((group) =>
      h(
        'section',
        {},
        h('h3', { class: 'panel-heading' }, group.heading),
        h('dl', { class: 'shortcut-list' }, ...group.shortcuts.flatMap(({ keys, does }) => [h('dt', {}, h('kbd', {}, keys)), h('dd', {}, does)])),
      ),
    ),
  );
}

/** True when `?` typed at `target` is text (a field, the editor) or belongs to an open dialog. */
function ownsTheKey(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('input, textarea, select, [contenteditable="true"], [contenteditable=""], [role=dialog]') !== null;
}

/**
 * The keyboard help: a button that opens it (for the page's header) and `?` pressed anywhere
 * outside text fields. Stops listening when `signal` aborts (the page is left).
 */
export function keyboardHelp(groups: () => ShortcutGroup[], signal: AbortSignal): HTMLButtonElement {
  const open = () => openOverlay(KEYBOARD_HELP_TITLE, shortcutList(groups()));
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || ownsTheKey(event.target)) return;
      event.preventDefault();
      open();
    },
    { signal },
  );
  return h(
    'button',
    { class: 'button-quiet keyboard-help-button', attrs: { type: 'button', title: `${KEYBOARD_HELP_TITLE} (?)`, 'aria-keyshortcuts': '?' }, on: { click: open } },
    'Shortcuts',
  );
}
