/** @jest-environment jsdom */
import { EventEmitter } from 'node:events';
import { DraftApi } from '../../../client/api/draftApi';
import type { RealtimeSocket } from '../../../client/api/realtime';
import { SponsorsPanel } from '../../../client/sponsors/sponsorsPanel';
import type { SponsorsView } from '../../../shared/sponsors';
import { FakeServer, settle } from './fakeServer';

const view = (sponsors: string[], cosponsors: string[] = []): SponsorsView => ({ draftId: 'd1', sponsors, cosponsors, history: [] });

function setup({ ownDelegation = null as string | null, facilitator = false, initial = view(['Kazakhstan']) } = {}) {
  const server = new FakeServer().on('GET /api/drafts/d1/sponsors', { status: 200, body: initial });
  const socket = new EventEmitter();
  const panel = new SponsorsPanel({
    draftId: 'd1',
    api: new DraftApi('d1', server.api),
    socket: socket as unknown as RealtimeSocket,
    ownDelegation,
    delegations: facilitator ? async () => ['Kazakhstan', 'Nigeria', 'Philippines'] : null,
  });
  document.body.replaceChildren(panel.element);
  const text = (selector: string) => [...panel.element.querySelectorAll(selector)].map((el) => el.textContent);
  const toggle = panel.element.querySelector<HTMLButtonElement>('.sponsors-toggle')!;
  return { server, socket, panel, text, toggle };
}

describe('SponsorsPanel', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows both lists and follows sponsors:updated for its draft only', async () => {
    const { socket, text, panel } = setup();
    await settle();
    expect(text('.sponsors-line')).toEqual(['Main sponsors: Kazakhstan', 'Co-sponsors: none yet']);
    socket.emit('sponsors:updated', { ...view(['Brazil']), draftId: 'other' });
    socket.emit('sponsors:updated', view(['Kazakhstan'], ['Nigeria', 'Philippines']));
    expect(text('.sponsors-line')).toEqual(['Main sponsors: Kazakhstan', 'Co-sponsors: Nigeria, Philippines']);
    panel.destroy();
    expect(socket.listenerCount('sponsors:updated')).toBe(0);
  });

  it('lets a delegate co-sponsor and withdraw, and hides the button from observers and main sponsors', async () => {
    const { server, toggle } = setup({ ownDelegation: 'Nigeria' });
    server.on('POST /api/drafts/d1/cosponsors', { status: 200, body: view(['Kazakhstan'], ['Nigeria']) });
    server.on('DELETE /api/drafts/d1/cosponsors', { status: 200, body: view(['Kazakhstan']) });
    await settle();
    expect([toggle.hidden, toggle.textContent]).toEqual([false, 'Co-sponsor this draft']);
    toggle.click();
    await settle();
    expect(toggle.textContent).toBe('Withdraw co-sponsorship');
    toggle.click();
    await settle();
    expect(toggle.textContent).toBe('Co-sponsor this draft');
    expect(server.changes().map((call) => `${call.method} ${call.path}`)).toEqual(['POST /api/drafts/d1/cosponsors', 'DELETE /api/drafts/d1/cosponsors']);

    const observer = setup();
    await settle();
    expect(observer.toggle.hidden).toBe(true);
    const mainSponsor = setup({ ownDelegation: 'Kazakhstan' });
    await settle();
    expect(mainSponsor.toggle.hidden).toBe(true);
  });

  it('lets a facilitator choose the main sponsors among the delegations, and shows a refusal', async () => {
    const { server, panel, text } = setup({ facilitator: true });
    let answer = { status: 200, body: view(['Kazakhstan', 'Philippines']) as unknown };
    server.on('PUT /api/drafts/d1/sponsors', () => answer);
    await settle();
    const box = (name: string) => panel.element.querySelector<HTMLInputElement>(`.sponsors-editor input[value="${name}"]`)!;
    expect([box('Kazakhstan').checked, box('Nigeria').checked, box('Philippines').checked]).toEqual([true, false, false]);
    box('Philippines').click();
    const save = [...panel.element.querySelectorAll('button')].find((button) => button.textContent === 'Save main sponsors')!;
    save.click();
    await settle();
    expect(server.changes()).toEqual([{ method: 'PUT', path: '/api/drafts/d1/sponsors', body: { sponsors: ['Kazakhstan', 'Philippines'] } }]);
    expect(text('.sponsors-line')[0]).toBe('Main sponsors: Kazakhstan, Philippines');

    answer = { status: 403, body: { error: 'only a facilitator sets the main sponsors' } };
    save.click();
    await settle();
    expect(text('.sponsors-error')).toEqual(['Only a facilitator sets the main sponsors.']);
  });
});
