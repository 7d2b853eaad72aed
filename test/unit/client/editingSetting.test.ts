/** @jest-environment jsdom */
import { EventEmitter } from 'node:events';
import { DraftApi } from '../../../client/api/draftApi';
import type { RealtimeSocket } from '../../../client/api/realtime';
import { EditingSetting } from '../../../client/proposals/editingSetting';
import type { DraftEditing } from '../../../shared/proposals';
import { FakeServer, settle } from './fakeServer';

function setup({ facilitator = false, initial = 'direct' as DraftEditing, load = async () => initial } = {}) {
  const server = new FakeServer();
  const socket = new EventEmitter();
  const setting = new EditingSetting({ draftId: 'd1', api: new DraftApi('d1', server.api), socket: socket as unknown as RealtimeSocket, facilitator, load });
  document.body.replaceChildren(setting.element);
  const heard: DraftEditing[] = [];
  setting.subscribe((rule) => heard.push(rule));
  const radio = (value: DraftEditing) => setting.element.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
  const labelOf = (value: DraftEditing) => radio(value).closest('label')!.textContent!.trim();
  const line = () => setting.element.querySelector('.editing-rule')?.textContent;
  const error = () => setting.element.querySelector<HTMLElement>('.editing-error')!;
  return { server, socket, setting, heard, radio, labelOf, line, error };
}

describe('EditingSetting', () => {
  afterEach(() => document.body.replaceChildren());

  it('tells a delegate which rule applies, follows draft:editing for its draft only, and lets others subscribe', async () => {
    const { socket, setting, heard, line, radio } = setup();
    expect(setting.rule).toBeNull();
    await settle();
    expect([setting.rule, line()]).toEqual(['direct', 'Delegates edit the text directly.']);
    expect(radio('direct')).toBeNull();

    socket.emit('draft:editing', { draftId: 'other', editing: 'proposals' });
    expect(setting.rule).toBe('direct');
    socket.emit('draft:editing', { draftId: 'd1', editing: 'proposals' });
    socket.emit('draft:editing', { draftId: 'd1', editing: 'proposals' });
    expect([setting.rule, line()]).toEqual(['proposals', 'Delegates make proposals only; the facilitator brings them into the text.']);
    expect(heard).toEqual(['direct', 'proposals']);

    setting.destroy();
    expect(socket.listenerCount('draft:editing')).toBe(0);
  });

  it('gives the facilitator a labelled choice that calls PUT /editing and shows the answer', async () => {
    const { server, setting, heard, radio, labelOf } = setup({ facilitator: true });
    server.on('PUT /api/drafts/d1/editing', (body) => ({ status: 200, body: { draftId: 'd1', ...(body as object) } }));
    expect(radio('proposals').disabled).toBe(true);
    await settle();
    expect([labelOf('direct'), labelOf('proposals')]).toEqual(['Delegates edit directly', 'Delegates make proposals only']);
    expect([radio('direct').checked, radio('proposals').checked, radio('proposals').disabled]).toEqual([true, false, false]);

    radio('proposals').click();
    expect(radio('direct').disabled).toBe(true);
    await settle();
    expect(server.changes()).toEqual([{ method: 'PUT', path: '/api/drafts/d1/editing', body: { editing: 'proposals' } }]);
    expect([setting.rule, radio('proposals').checked, radio('direct').disabled]).toEqual(['proposals', true, false]);
    expect(heard).toEqual(['direct', 'proposals']);
  });

  it('shows a refusal and puts the choice back to the rule in force', async () => {
    const { server, setting, radio, error } = setup({ facilitator: true });
    server.on('PUT /api/drafts/d1/editing', { status: 403, body: { error: 'only a facilitator chooses how delegates edit the draft' } });
    await settle();
    radio('proposals').click();
    await settle();
    expect([error().hidden, error().textContent]).toEqual([false, 'Only a facilitator chooses how delegates edit the draft.']);
    expect([setting.rule, radio('direct').checked, radio('proposals').checked]).toEqual(['direct', true, false]);
  });

  it('says so when the rule cannot be loaded, and recovers on reload', async () => {
    let answer: () => Promise<DraftEditing> = async () => {
      throw new Error('offline');
    };
    const { setting, error, line } = setup({ load: () => answer() });
    await settle();
    expect([setting.rule, error().hidden, error().textContent]).toEqual([null, false, 'offline']);
    answer = async () => 'proposals';
    setting.reload();
    await settle();
    expect([setting.rule, error().hidden, line()]).toEqual(['proposals', true, 'Delegates make proposals only; the facilitator brings them into the text.']);
  });
});
