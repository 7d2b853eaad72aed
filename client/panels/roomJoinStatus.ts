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
    if (state === 'answered') this.element.replaceChildren();
    else if (state === 'no-answer') this.element.replaceChildren(this.noAnswer());
    // A join after the error (a retry, a reconnect) replaces it at once.
    else if (this.element.hasChildNodes()) this.waiting();
    else this.timer = setTimeout(() => this.waiting(), WAITING_SHOWN_AFTER_MS);
  }

  destroy(): void {
    this.stopTimer();
  }

  private waiting(): void {
    // "Try again" had the focus: the notice replacing it takes it, rather than the page's body.
    const hadFocus = this.element.contains(document.activeElement);
    const notice = h(
      'p',
      { class: 'notice room-join-waiting', attrs: { tabindex: '-1' } },
      'Joining the draft’s room… Comments, proposals and the other panels fill in once the server answers.',
    );
    this.element.replaceChildren(notice);
    if (hadFocus) notice.focus();
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
