import { h, type Child } from '../app/dom';
import { keepFocusWithin } from '../app/focusTrap';

/**
 * A read-only view over the page (compare, preview, keyboard help); closes with its button or
 * Escape, gives the focus back to what opened it, then calls `onClose` (to release what the
 * content holds). While open, Tab cycles inside it: the page under it is inert for the keyboard.
 */
export function openOverlay(title: string, content: Child, onClose: () => void = () => {}): () => void {
  const opener = document.activeElement;
  const close = () => {
    document.removeEventListener('keydown', onKey);
    overlay.remove();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    onClose();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
    else keepFocusWithin(dialog, event);
  };
  const closeButton = h('button', { class: 'button-quiet button-small', attrs: { type: 'button' }, on: { click: close } }, 'Close');
  const dialog = h(
    'div',
    { class: 'overlay-dialog', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': title } },
    h('header', { class: 'overlay-header' }, h('h2', {}, title), closeButton),
    h('div', { class: 'overlay-body' }, content),
  );
  const overlay = h('div', { class: 'overlay', on: { click: (event) => event.target === overlay && close() } }, dialog);
  document.addEventListener('keydown', onKey);
  document.body.append(overlay);
  closeButton.focus();
  return close;
}
