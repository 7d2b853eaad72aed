/** @jest-environment jsdom */
import { RoomJoinStatus } from '../../../client/panels/roomJoinStatus';

describe('RoomJoinStatus', () => {
  let status: RoomJoinStatus;
  let text: HTMLElement;
  const retry = jest.fn();

  beforeEach(() => {
    jest.useFakeTimers();
    retry.mockClear();
    text = document.createElement('main');
    text.tabIndex = 0;
    status = new RoomJoinStatus(retry, text);
    document.body.replaceChildren(status.element, text);
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
    // Announced once, by the status region it is in: the container is not live as well.
    const notice = status.element.querySelector('[role=status]')!;
    expect(notice.textContent).toMatch(/^Joining the draft’s room…/);
    expect(status.element.getAttribute('aria-live')).toBeNull();
    status.show('answered');
    expect(status.element.textContent).toBe('');
  });

  it('alerts when the server never answered, with a retry that says it is joining again at once', () => {
    status.show('waiting');
    jest.advanceTimersByTime(10_000);
    status.show('no-answer');
    expect(status.element.querySelector('[role=status]')!.textContent).toBe('');
    const alert = status.element.querySelector<HTMLElement>('[role=alert]')!;
    expect(alert.closest('[aria-live]')).toBeNull();
    expect(alert.textContent).toMatch(/^The server did not answer when this page joined the draft’s room/);
    const button = alert.querySelector('button')!;
    expect(button.textContent).toBe('Try again');
    button.focus();
    button.click();
    expect(retry).toHaveBeenCalledTimes(1);

    status.show('waiting');
    expect(status.element.querySelector('[role=alert]')).toBeNull();
    expect(status.element.querySelector('[role=status]')!.textContent).toMatch(/^Joining the draft’s room…/);
    // "Try again" went: the focus is on the draft text, not lost to the page's body nor put on the notice the status region announces.
    expect(document.activeElement).toBe(text);

    // The retry went unanswered too: the new alert announces itself; the focus stays where the person is.
    status.show('no-answer');
    expect(status.element.querySelector('[role=alert] button')).not.toBeNull();
    expect(document.activeElement).toBe(text);
  });

  it('keeps the focus off the body when the answer clears the alert whose "Try again" had it', () => {
    status.show('no-answer');
    status.element.querySelector('button')!.focus();
    status.show('answered');
    expect(status.element.textContent).toBe('');
    expect(document.activeElement).toBe(text);
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
