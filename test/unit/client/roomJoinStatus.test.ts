/** @jest-environment jsdom */
import { RoomJoinStatus } from '../../../client/panels/roomJoinStatus';

describe('RoomJoinStatus', () => {
  let status: RoomJoinStatus;
  const retry = jest.fn();

  beforeEach(() => {
    jest.useFakeTimers();
    retry.mockClear();
    status = new RoomJoinStatus(retry);
    document.body.replaceChildren(status.element);
  });

  afterEach(() => {
    status.destroy();
    jest.useRealTimers();
  });

  it('says nothing of a join answered quickly', () => {
    status.show('waiting');
    jest.advanceTimersByTime(500);
    status.show('answered');
    jest.advanceTimersByTime(5_000);
    expect(status.element.textContent).toBe('');
  });

  it('says the page is joining when the answer is slow, and clears it on the answer', () => {
    status.show('waiting');
    jest.advanceTimersByTime(1_000);
    expect(status.element.textContent).toMatch(/^Joining the draft’s room…/);
    expect(status.element.getAttribute('aria-live')).toBe('polite');
    status.show('answered');
    expect(status.element.textContent).toBe('');
  });

  it('alerts when the server never answered, with a retry that says it is joining again at once', () => {
    status.show('waiting');
    jest.advanceTimersByTime(10_000);
    status.show('no-answer');
    const alert = status.element.querySelector<HTMLElement>('[role=alert]')!;
    expect(alert.textContent).toMatch(/^The server did not answer when this page joined the draft’s room/);
    const button = alert.querySelector('button')!;
    expect(button.textContent).toBe('Try again');
    button.focus();
    button.click();
    expect(retry).toHaveBeenCalledTimes(1);

    status.show('waiting');
    expect(status.element.querySelector('[role=alert]')).toBeNull();
    expect(status.element.textContent).toMatch(/^Joining the draft’s room…/);
    expect(document.activeElement).toBe(status.element.firstElementChild);

    // The retry went unanswered too: the focus is on the new "Try again", not lost to the page's body.
    status.show('no-answer');
    expect(document.activeElement).toBe(status.element.querySelector('[role=alert] button'));
  });

  it('takes the focus from nobody when a reconnect joins again after the error', () => {
    const elsewhere = document.body.appendChild(document.createElement('textarea'));
    status.show('no-answer');
    elsewhere.focus();
    status.show('waiting');
    expect(status.element.textContent).toMatch(/^Joining the draft’s room…/);
    expect(document.activeElement).toBe(elsewhere);
  });
});
