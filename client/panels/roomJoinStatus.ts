import type { JoinState } from '../api/draftRoom';
import { h } from '../app/dom';

/** Most joins are answered well within this: saying "joining" on every opening would only flash. */
const WAITING_SHOWN_AFTER_MS = 1_000;

/**
 * Above the text: what the page waits for while the server has not answered its join of the
 * draft's room (the panels' lists are held until then), and, when it never answers, that the
 * panels may be incomplete and not live, with a way to try again.
 */
export class RoomJoinStatus {
  readonly element = h('div', { class: 'room-join-status', attrs: { 'aria-live': 'polite' } });
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly retry: () => void) {}

  show(state: JoinState): void {
    this.stopTimer();
    if (state === 'answered') this.replace(null);
    else if (state === 'no-answer') this.replace(this.noAnswer());
    // A join after the error (a retry, a reconnect) replaces it at once.
    else if (this.element.hasChildNodes()) this.replace(this.waiting());
    else this.timer = setTimeout(() => this.replace(this.waiting()), WAITING_SHOWN_AFTER_MS);
  }

  destroy(): void {
    this.stopTimer();
  }

  /**
   * What is shown had the focus ("Try again", the notice after it): what replaces it takes it
   * ("Try again" of a retry that failed again), rather than the page's body.
   */
  private replace(shown: HTMLElement | null): void {
    const hadFocus = this.element.contains(document.activeElement);
    this.element.replaceChildren(...(shown ? [shown] : []));
    if (hadFocus) (shown?.querySelector('button') ?? shown)?.focus();
  }

  private waiting(): HTMLElement {
    return h(
      'p',
      { class: 'notice room-join-waiting', attrs: { tabindex: '-1' } },
      'Joining the draft’s room… Comments, proposals and the other panels fill in once the server answers.',
    );
  }

  private noAnswer(): HTMLElement {
    return h(
      'div',
      { class: 'notice notice-error room-join-failed', attrs: { role: 'alert' } },
      'The server did not answer when this page joined the draft’s room: the panels may be incomplete, and changes others make may not reach them. ',
      h('button', { class: 'button-quiet button-small', attrs: { type: 'button' }, on: { click: this.retry } }, 'Try again'),
    );
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
