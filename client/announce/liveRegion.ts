import { h } from '../app/dom';

/**
 * A polite live region: what it is told to say, screen readers read when the person pauses,
 * without moving the focus. Invisible on screen.
 */
export class LiveRegion {
  readonly element = h('div', { class: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });

  say(text: string): void {
    this.element.textContent = text;
  }
}
