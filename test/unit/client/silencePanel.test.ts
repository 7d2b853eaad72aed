/** @jest-environment jsdom */
import { EventEmitter } from 'node:events';
import { DraftApi } from '../../../client/api/draftApi';
import type { RealtimeSocket } from '../../../client/api/realtime';
import { SilencePanel } from '../../../client/silence/silencePanel';
import { timeLeft, zonedIso } from '../../../client/silence/zonedTime';
import type { SilenceView } from '../../../shared/silence';
import { FakeServer, settle } from './fakeServer';

const NOW = Date.parse('2026-12-03T20:00:00.000Z');

function silence(overrides: Partial<SilenceView> = {}): SilenceView {
  return {
    id: 's1', draftId: 'd1', until: '2026-12-03T23:00:00.000Z', zone: 'America/New_York', startedByName: 'Chair',
    startedAt: '2026-12-01T09:00:00.000Z', state: 'open', outcome: null, concludedAt: null, breaks: [], ...overrides,
  };
}

const KAZAKHSTAN = { delegation: 'Kazakhstan', byUserId: 'u-kz', byName: 'Delegate of Kazakhstan', statement: 'We cannot join consensus on OP3.', at: '2026-12-03T21:00:00.000Z' };

function setup(server: FakeServer, role: { facilitator?: boolean; delegate?: boolean }) {
  const socket = new EventEmitter();
  const panel = new SilencePanel({
    api: new DraftApi('d1', server.api),
    socket: socket as unknown as RealtimeSocket,
    facilitator: role.facilitator ?? false,
    delegate: role.delegate ?? false,
    now: () => NOW,
  });
  document.body.replaceChildren(panel.element);
  const text = (selector: string) => panel.element.querySelector(selector)?.textContent ?? null;
  return { panel, socket, text };
}

describe('SilencePanel', () => {
  const panels: SilencePanel[] = [];
  afterEach(() => {
    panels.splice(0).forEach((panel) => panel.destroy());
    document.body.replaceChildren();
  });

  it('shows the deadline in its zone, the countdown and each statement as it is broadcast', async () => {
    const server = new FakeServer().on('GET /api/drafts/d1/silence', { status: 200, body: { silence: silence() } });
    const { panel, socket, text } = setup(server, {});
    panels.push(panel);
    panel.reload();
    await settle();
    expect(text('.panel-summary')).toBe('Under silence until 3 Dec 2026, 18:00 (America/New_York).');
    expect(text('.silence-countdown')).toBe('3 h 00 min left');
    expect(panel.element.querySelector('form')).toBeNull();

    socket.emit('silence:updated', silence({ breaks: [KAZAKHSTAN] }));
    expect(text('.silence-break')).toContain('Kazakhstan');
    expect(text('.silence-break')).toContain('We cannot join consensus on OP3.');
    socket.emit('silence:updated', silence({ state: 'concluded', outcome: 'broken', breaks: [KAZAKHSTAN] }));
    expect(text('.panel-summary')).toBe('Silence broken by Kazakhstan.');
    expect(text('.silence-countdown')).toBe('');
  });

  it('lets a delegate break silence with a statement', async () => {
    const server = new FakeServer().on('POST /api/drafts/d1/silence/break', { status: 200, body: { silence: silence({ breaks: [KAZAKHSTAN] }) } });
    const { panel, text } = setup(server, { delegate: true });
    panels.push(panel);
    panel.show(silence());
    panel.element.querySelector('textarea')!.value = '  We cannot join consensus on OP3. ';
    panel.show(silence({ breaks: [{ ...KAZAKHSTAN, delegation: 'Belarus' }] }));
    expect(panel.element.querySelector('textarea')!.value).toBe('  We cannot join consensus on OP3. ');
    panel.element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(server.changes()).toEqual([{ method: 'POST', path: '/api/drafts/d1/silence/break', body: { statement: 'We cannot join consensus on OP3.' } }]);
    expect(text('.silence-break')).toContain('Kazakhstan');
    expect(panel.element.querySelector('textarea')!.value).toBe('');
  });

  it('lets the facilitator set the deadline in a time zone, and shows the server refusal', async () => {
    const server = new FakeServer().on('POST /api/drafts/d1/silence', { status: 400, body: { error: 'the deadline has passed' } });
    const { panel, text } = setup(server, { facilitator: true });
    panels.push(panel);
    expect(text('.panel-summary')).toBe('The draft is not under silence.');
    // No empty error box before anything failed.
    expect(panel.element.querySelector<HTMLElement>('[role="alert"]')!.hidden).toBe(true);
    panel.element.querySelector<HTMLInputElement>('input[name="until"]')!.value = '2026-12-03T18:00';
    panel.element.querySelector<HTMLInputElement>('input[name="zone"]')!.value = 'America/New_York';
    panel.element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(server.changes()).toEqual([{ method: 'POST', path: '/api/drafts/d1/silence', body: { until: '2026-12-03T18:00:00-05:00', zone: 'America/New_York' } }]);
    expect(text('[role="alert"]')).toBe('The deadline has passed.');
    expect(panel.element.querySelector<HTMLElement>('[role="alert"]')!.hidden).toBe(false);
    // The refusal is about the deadline: the input says so to assistive technology.
    const until = panel.element.querySelector<HTMLInputElement>('input[name="until"]')!;
    expect(until.getAttribute('aria-invalid')).toBe('true');
    expect(until.getAttribute('aria-describedby')).toBe(panel.element.querySelector('[role="alert"]')!.id);
  });

  it('sends no deadline it cannot read, nor a zone the browser does not know, and says so about that field', () => {
    const server = new FakeServer();
    const { panel, text } = setup(server, { facilitator: true });
    panels.push(panel);
    const until = panel.element.querySelector<HTMLInputElement>('input[name="until"]')!;
    const zone = panel.element.querySelector<HTMLInputElement>('input[name="zone"]')!;
    const submit = () => panel.element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    zone.value = 'America/New_York';
    submit();
    expect(text('[role="alert"]')).toBe('Give the deadline as a date and time.');
    expect(until.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(until);

    until.value = '2026-12-03T18:00';
    zone.value = 'Mars/Olympus_Mons';
    submit();
    expect(text('[role="alert"]')).toBe('Give the time zone by its name, such as America/New_York.');
    expect(zone.getAttribute('aria-describedby')).toBe('silence-error');
    expect(until.hasAttribute('aria-invalid')).toBe(false);
    expect(document.activeElement).toBe(zone);
    expect(server.changes()).toEqual([]);
  });

  it('sends no blank statement, and says so about the statement box', () => {
    const server = new FakeServer();
    const { panel, text } = setup(server, { delegate: true });
    panels.push(panel);
    panel.show(silence());
    const statement = panel.element.querySelector('textarea')!;
    statement.value = '  \n ';
    panel.element.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(text('[role="alert"]')).toBe('Write the statement first: breaking silence needs one.');
    expect(statement.getAttribute('aria-describedby')).toBe('silence-error');
    expect(document.activeElement).toBe(statement);
    expect(server.changes()).toEqual([]);
  });
});

describe('zoned deadlines', () => {
  it('writes a wall-clock time with the offset of its zone at that date', () => {
    expect(zonedIso('2026-12-03T18:00', 'America/New_York')).toBe('2026-12-03T18:00:00-05:00');
    expect(zonedIso('2026-07-03T18:00', 'America/New_York')).toBe('2026-07-03T18:00:00-04:00');
    expect(zonedIso('2026-12-03T18:00', 'Asia/Kolkata')).toBe('2026-12-03T18:00:00+05:30');
    expect(zonedIso('2026-12-03T18:00', 'UTC')).toBe('2026-12-03T18:00:00+00:00');
    expect(zonedIso('tomorrow', 'UTC')).toBeNull();
  });

  it('counts down in days, hours, minutes, then seconds', () => {
    expect(timeLeft('2026-12-05T23:00:00.000Z', NOW)).toBe('2 d 3 h 00 min left');
    expect(timeLeft('2026-12-03T20:00:45.000Z', NOW)).toBe('45 s left');
    expect(timeLeft('2026-12-03T19:00:00.000Z', NOW)).toBe('0 s left');
  });
});
