import type { JoinState } from '../api/draftRoom';
import { h } from '../app/dom';

/** Most joins are answered well within this: saying "joining" on every opening would only flash. */
const WAITING_SHOWN_AFTER_MS = 1_000;

/**
 * Above the text: what the page waits for while the server has not answered its join of the
 * draft's room (the panels' lists are held until then), and, when it never answers, that the
 * panels may be incomplete and not live, with a way to try again.
 *
 * Each message is announced once, by one mechanism: "Joining…" by the status region it is put
 * in (polite), the no-answer alert by its role. The container is not live, and no message takes
 * the focus; when the focused "Try again" goes, the focus goes to `afterwards` (the draft text).
 */
export class RoomJoinStatus {
  private readonly status = h('div', { class: 'room-join-progress', attrs: { role: 'status' } });
  readonly element = h('div', { class: 'room-join-status' }, this.status);
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly retry: () => void,
    private readonly afterwards: HTMLElement,
  ) {}

  show(state: JoinState): void {
    this.stopTimer();
    const alert = this.element.querySelector('[role=alert]');
    if (state === 'answered') this.replace(null, null);
    else if (state === 'no-answer') this.replace(null, this.noAnswer());
    // A join after the error (a retry, a reconnect) replaces it at once.
    else if (alert || this.status.hasChildNodes()) this.replace(this.waiting(), null);
    else this.timer = setTimeout(() => this.replace(this.waiting(), null), WAITING_SHOWN_AFTER_MS);
  }

  destroy(): void {
    this.stopTimer();
  }

  /** Puts `waiting` in the status region and `alert` after it; the focus, if it was on what goes, goes to `afterwards`. */
  private replace(waiting: HTMLElement | null, alert: HTMLElement | null): void {
    const hadFocus = this.element.contains(document.activeElement);
    this.status.replaceChildren(...(waiting ? [waiting] : []));
    this.element.replaceChildren(this.status, ...(alert ? [alert] : []));
    if (hadFocus && !this.element.contains(document.activeElement)) this.afterwards.focus();
  }

  private waiting(): HTMLElement {
    return h('p', { class: 'notice room-join-waiting' }, 'Joining the draft’s room… Comments, proposals and the other panels fill in once the server answers.');
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
