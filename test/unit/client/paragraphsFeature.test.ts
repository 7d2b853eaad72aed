/** @jest-environment jsdom */
import { EventEmitter } from 'node:events';
import { DraftApi } from '../../../client/api/draftApi';
import type { RealtimeSocket } from '../../../client/api/realtime';
import { ParagraphsFeature } from '../../../client/paragraphs/paragraphsFeature';
import type { Ack } from '../../../shared/events';
import type { ParagraphView } from '../../../shared/paragraphs';
import { FakeServer, settle } from './fakeServer';
import { change, paragraphView } from './paragraphViews';

const ROUND = { id: 'v1', draftId: 'd1', kind: 'round', name: 'Rev.1', createdAt: '2026-05-20T10:00:00.000Z', createdByName: 'Chair', seq: 3 };

/** socket.io as the feature uses it: broadcasts it hears, and acknowledged emits the test answers. */
class FakeSocket extends EventEmitter {
  readonly sent: Array<{ event: string; payload: unknown }> = [];
  answer: (payload: { paragraphId: string; status: string }) => Ack<{ paragraph: ParagraphView }> = () => ({ ok: false, error: 'no answer set' });

  timeout() {
    return {
      emit: (event: string, payload: { paragraphId: string; status: string }, ack: (err: Error | null, response: Ack<{ paragraph: ParagraphView }>) => void) => {
        this.sent.push({ event, payload });
        ack(null, this.answer(payload));
      },
    };
  }
}

async function setup({ facilitator = false, onList = jest.fn() } = {}) {
  const server = new FakeServer()
    .on('GET /api/drafts/d1/paragraphs', {
      status: 200,
      body: { paragraphs: [paragraphView('p1', 'PP1'), paragraphView('o1', 'OP1'), paragraphView('o2', 'OP2', 'informals')] },
    })
    .on('GET /api/drafts/d1/rounds', { status: 200, body: { rounds: [ROUND] } });
  const socket = new FakeSocket();
  const reveal = jest.fn();
  const feature = new ParagraphsFeature({
    draftId: 'd1',
    facilitator,
    socket: socket as unknown as RealtimeSocket,
    api: new DraftApi('d1', server.api),
    delegations: async () => ['China', 'United States'],
    reveal,
    onList,
  });
  document.body.replaceChildren(feature.panel.element);
  await settle();
  const panel = feature.panel.element;
  const cell = (status: string, column: number) => panel.querySelector(`.progress-table tr[data-status="${status}"]`)!.children[column].textContent;
  const row = (id: string) => panel.querySelector<HTMLElement>(`.progress-paragraph[data-paragraph-id="${id}"]`)!;
  return { server, socket, feature, panel, cell, row };
}

describe('ParagraphsFeature and the Progress panel', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows counts and shares per status by part, from the paragraphs list', async () => {
    const { panel, cell, feature } = await setup();
    expect(panel.querySelector('.panel-summary')?.textContent).toBe('0 of 3 paragraphs agreed ad ref (0%).');
    expect([cell('open', 1), cell('open', 2), cell('open', 3)]).toEqual(['1 (100%)', '1 (50%)', '2 (67%)']);
    expect(cell('informals', 2)).toBe('1 (50%)');
    expect(panel.querySelector('.progress-movement')?.textContent).toBe('Since Rev.1No status has changed.');
    feature.destroy();
  });

  it('passes each list it loads on (the margin labels take theirs from it), not the live updates', async () => {
    const onList = jest.fn();
    const { socket, feature } = await setup({ onList });
    expect(onList.mock.calls.map(([list]: [ParagraphView[]]) => list.map((p) => p.label))).toEqual([['PP1', 'OP1', 'OP2']]);
    socket.emit('paragraph:updated', paragraphView('o1', 'OP1', 'informals'));
    expect(onList).toHaveBeenCalledTimes(1);
    feature.destroy();
  });

  it('follows paragraph:updated live: counts, pending delegations, movement since the round', async () => {
    const { socket, panel, cell, row, feature } = await setup();
    socket.emit('paragraph:updated', paragraphView('o1', 'OP1', 'agreed_pending', { pending: ['China'], statusHistory: [change('open', 'agreed_pending', '2026-05-20T11:00:00.000Z', ['China'])] }));
    expect(cell('agreed_pending', 2)).toBe('1 (50%)');
    expect(panel.querySelector('.progress-pending')?.textContent).toBe('China: OP1');
    expect(row('o1').querySelector('.status-badge')?.textContent).toBe('◑ pending: China');
    expect(panel.querySelector('.progress-moved')?.textContent).toBe('open −1 · agreed pending +1; 1 status change.');
    feature.destroy();
    socket.emit('paragraph:updated', paragraphView('o1', 'OP1', 'agreed_ad_ref'));
    expect(cell('agreed_ad_ref', 2)).toBe('0 (0%)');
  });

  it('reloads the list when an update names a paragraph it does not know', async () => {
    const { server, socket, feature } = await setup();
    const lists = () => server.calls.filter((call) => call.path === '/api/drafts/d1/paragraphs').length;
    expect(lists()).toBe(1);
    socket.emit('paragraph:updated', paragraphView('new', 'OP1bis', 'open'));
    await settle();
    expect(lists()).toBe(2);
    feature.destroy();
  });

  it('gives delegates no status control', async () => {
    const { panel, feature } = await setup();
    expect(panel.querySelector('.progress-set, .status-form')).toBeNull();
    feature.destroy();
  });

  it('lets a facilitator mark a paragraph agreed pending named delegations, emitting paragraph:status', async () => {
    const { socket, row, cell, feature } = await setup({ facilitator: true });
    socket.answer = ({ paragraphId }) => ({ ok: true, paragraph: paragraphView(paragraphId, 'OP2', 'agreed_pending', { pending: ['United States'] }) });
    row('o2').querySelector<HTMLButtonElement>('.progress-set')!.click();
    const form = row('o2').querySelector<HTMLFormElement>('.status-form')!;
    const status = form.querySelector<HTMLSelectElement>('select[name=status]')!;
    status.value = 'agreed_pending';
    status.dispatchEvent(new Event('change'));
    await settle();
    expect([...form.querySelectorAll<HTMLInputElement>('input[name=pending]')].map((box) => box.value)).toEqual(['China', 'United States']);
    form.querySelector<HTMLInputElement>('input[value="United States"]')!.checked = true;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(socket.sent).toEqual([{ event: 'paragraph:status', payload: { draftId: 'd1', paragraphId: 'o2', status: 'agreed_pending', pending: ['United States'] } }]);
    expect(cell('agreed_pending', 2)).toBe('1 (50%)');
    expect(row('o2').querySelector('.status-form')).toBeNull();
    feature.destroy();
  });

  it("keeps the chair's unsent choice when another paragraph's status arrives meanwhile", async () => {
    const { socket, row, feature } = await setup({ facilitator: true });
    row('o1').querySelector<HTMLButtonElement>('.progress-set')!.click();
    row('o1').querySelector<HTMLSelectElement>('select[name=status]')!.value = 'reopened';
    socket.emit('paragraph:updated', paragraphView('p1', 'PP1', 'agreed_ad_ref'));
    expect(row('p1').dataset.status).toBe('agreed_ad_ref');
    expect(row('o1').querySelector<HTMLSelectElement>('select[name=status]')!.value).toBe('reopened');
    feature.destroy();
  });

  it('shows the server refusal in the form and changes nothing', async () => {
    const { socket, row, cell, feature } = await setup({ facilitator: true });
    socket.answer = () => ({ ok: false, error: 'Pending needs at least one delegation of the negotiation.' });
    row('o1').querySelector<HTMLButtonElement>('.progress-set')!.click();
    const form = row('o1').querySelector<HTMLFormElement>('.status-form')!;
    form.querySelector<HTMLSelectElement>('select[name=status]')!.value = 'agreed_ad_ref';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(form.querySelector('[role=alert]')?.textContent).toBe('Pending needs at least one delegation of the negotiation.');
    expect(form.querySelector('select[name=status]')!.getAttribute('aria-describedby')).toBe(form.querySelector('[role=alert]')!.id);
    expect(cell('agreed_ad_ref', 2)).toBe('0 (0%)');
    feature.destroy();
  });

  it('sends no "agreed pending" without a delegation, and says so about the first one', async () => {
    const { socket, row, feature } = await setup({ facilitator: true });
    row('o1').querySelector<HTMLButtonElement>('.progress-set')!.click();
    const form = row('o1').querySelector<HTMLFormElement>('.status-form')!;
    const status = form.querySelector<HTMLSelectElement>('select[name=status]')!;
    status.value = 'agreed_pending';
    status.dispatchEvent(new Event('change'));
    await settle();
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    const first = form.querySelector<HTMLInputElement>('input[name=pending]')!;
    expect(form.querySelector('[role=alert]')?.textContent).toBe('Tick the delegations the agreement is pending: at least one.');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(first);
    expect(socket.sent).toEqual([]);
    feature.destroy();
  });

  it('records an oral revision with the delegation and new text the chair chose, shows a refusal, then reloads the list', async () => {
    const { server, row, panel, feature } = await setup({ facilitator: true });
    server.on('POST /api/drafts/d1/oral-revisions', { status: 409, body: { error: 'the paragraph is agreed and locked; reopen it first' } });
    row('o1').querySelector<HTMLButtonElement>('.progress-revise')!.click();
    const form = row('o1').querySelector<HTMLFormElement>('.oral-revision-form')!;
    await settle();
    const delegation = form.querySelector<HTMLSelectElement>('select[name=delegation]')!;
    expect([...delegation.options].map((option) => option.value)).toEqual(['China', 'United States']);
    const text = form.querySelector<HTMLTextAreaElement>('textarea[name=text]')!;
    expect(text.value).toBe('Text of OP1');
    delegation.value = 'United States';
    // Blank text is not sent; the form says so about the text.
    text.value = ' \n ';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(form.querySelector('[role=alert]')?.textContent).toBe('Type the paragraph’s new text: it cannot be empty.');
    expect(document.activeElement).toBe(text);
    expect(server.changes()).toEqual([]);
    text.value = '  Revised orally  ';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(form.querySelector('[role=alert]')?.textContent).toBe('The paragraph is agreed and locked; reopen it first.');
    expect(text.getAttribute('aria-describedby')).toBe(form.querySelector('[role=alert]')!.id);

    server.on('POST /api/drafts/d1/oral-revisions', { status: 201, body: {} });
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(server.changes().map((call) => call.body)).toEqual([
      { paragraphId: 'o1', delegation: 'United States', text: 'Revised orally' },
      { paragraphId: 'o1', delegation: 'United States', text: 'Revised orally' },
    ]);
    expect(panel.querySelector('.oral-revision-form')).toBeNull();
    expect(server.calls.filter((call) => call.path === '/api/drafts/d1/paragraphs')).toHaveLength(2);
    feature.destroy();
  });

  it('still counts when the rounds cannot be loaded, and says the movement is unknown', async () => {
    const { server, feature, panel, cell } = await setup();
    server.on('GET /api/drafts/d1/rounds', { status: 500, body: { error: 'store unavailable' } });
    feature.reload();
    await settle();
    expect(cell('open', 3)).toBe('2 (67%)');
    expect(panel.querySelector('.progress-movement')?.textContent).toBe('The start of the round could not be loaded: the movement since then is not shown.');
    feature.destroy();
  });

  it('says what went wrong when the list cannot be loaded', async () => {
    const socket = new FakeSocket();
    const feature = new ParagraphsFeature({
      draftId: 'd1',
      facilitator: false,
      socket: socket as unknown as RealtimeSocket,
      api: new DraftApi('d1', new FakeServer().api),
      delegations: async () => [],
      reveal: () => undefined,
    });
    await settle();
    expect(feature.panel.element.querySelector('[role=alert]')?.textContent).toBe('The paragraphs could not be loaded: Not found.');
    feature.destroy();
  });
});
