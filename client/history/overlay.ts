import { h, type Child } from '../app/dom';

/**
 * A read-only view over the page (compare, preview); closes with its button or Escape,
 * then calls `onClose` (to release what the content holds).
 */
export function openOverlay(title: string, content: Child, onClose: () => void = () => {}): () => void {
  const close = () => {
    document.removeEventListener('keydown', onKey);
    overlay.remove();
    onClose();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
  };
  const closeButton = h('button', { class: 'button-quiet button-small', attrs: { type: 'button' }, on: { click: close } }, 'Close');
  const overlay = h(
    'div',
    { class: 'overlay', on: { click: (event) => event.target === overlay && close() } },
    h(
      'div',
      { class: 'overlay-dialog', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': title } },
      h('header', { class: 'overlay-header' }, h('h2', {}, title), closeButton),
      h('div', { class: 'overlay-body' }, content),
    ),
  );
  document.addEventListener('keydown', onKey);
  document.body.append(overlay);
  closeButton.focus();
  return close;
}
