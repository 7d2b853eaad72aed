/** @jest-environment jsdom */
import { EventEmitter } from 'node:events';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { editorPage } from '../../../client/pages/editorPage';
import { CloseCode } from '../../../shared/closeCodes';
import type { DraftAccess } from '../../../shared/negotiations';
import { FakeServer, pageHarness, settle, user } from './fakeServer';
import { proposal } from './proposalFixtures';

/** The socket.io connection: connected at once, `draft:join` answered with `joinAck` (kept in `heldJoins` while `holdJoins`). */
let joinAck: unknown = { ok: false, error: 'no such draft' };
let holdJoins = false;
const heldJoins: Array<() => void> = [];
const sockets: EventEmitter[] = [];
jest.mock('../../../client/api/realtime', () => ({
  connectRealtime: () => {
    const socket = Object.assign(new EventEmitter(), {
      connected: true,
      disconnect: () => undefined,
      connect: () => undefined,
      timeout: () => ({
        emit: (_event: string, _payload: unknown, ack: (err: null, response: unknown) => void) => (holdJoins ? heldJoins.push(() => ack(null, joinAck)) : ack(null, joinAck)),
      }),
    });
    sockets.push(socket);
    return socket;
  },
}));

/** The Yjs side: its text never arrives, which keeps the page in its "opening" state; the rest is real. */
const collabOptions: unknown[] = [];
const collabHandlers: Array<{ onClosed: (code: number, reason: string) => void }> = [];
jest.mock('../../../client/collab/collabSession', () => ({
  yjsServerUrl: () => 'ws://host/yjs',
  CollabSession: class {
    readonly doc = new Y.Doc();
    readonly fragment = this.doc.getXmlFragment('prosemirror');
    readonly provider = { awareness: new Awareness(this.doc) };
    constructor(options: unknown, handlers: (typeof collabHandlers)[number]) {
      collabOptions.push(options);
      collabHandlers.push(handlers);
    }
    ready = () => new Promise(() => undefined);
    destroy = () => {
      this.provider.awareness.destroy();
      this.doc.destroy();
    };
  },
}));

const access = (role: DraftAccess['role'], delegation: string): DraftAccess => ({ negotiationId: 'a', negotiationName: 'CCPCJ', role, delegation });

async function open(answer: { status: number; body?: unknown }, server = new FakeServer()) {
  server
    .on('GET /api/drafts/d1', answer)
    .on('GET /api/drafts/d1/comments', { status: 200, body: { threads: [] } })
    .on('GET /api/negotiations/a', { status: 200, body: { negotiation: {}, members: [], drafts: [] } });
  const harness = pageHarness(server, user('kz'));
  history.replaceState(null, '', '/drafts/d1');
  editorPage(harness.app, harness.session)({ ...harness.context, params: { id: 'd1' } });
  await settle();
  return { ...harness, server };
}

describe('editorPage', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    localStorage.clear();
    collabOptions.length = 0;
    collabHandlers.length = 0;
    holdJoins = false;
    heldJoins.length = 0;
    sockets.length = 0;
  });

  it('gives an observer of the negotiation a read-only page, and a read-only Members list', async () => {
    joinAck = { ok: true, access: access('observer', 'Secretariat') };
    const { outlet, leave } = await open({ status: 200, body: { draft: { id: 'd1' }, access: access('observer', 'Secretariat') } });
    expect(outlet.querySelector('.observer-note')).not.toBeNull();
    expect(outlet.querySelector('.access-badge')?.textContent).toBe('Secretariat · Observer');
    expect(outlet.querySelector('#heading-members')?.textContent).toBe('Members of the negotiation');
    expect(outlet.querySelector('.member-add-form, input[name=version-name]')).toBeNull();
    leave();
  });

  it("gives the negotiation's facilitator the tools of the chair, and connects the text with tickets and its delegation", async () => {
    joinAck = { ok: true, access: access('facilitator', 'Facilitator') };
    const { outlet, leave } = await open({ status: 200, body: { draft: { id: 'd1' }, access: access('facilitator', 'Facilitator') } });
    expect(outlet.querySelector('.observer-note')).toBeNull();
    expect(outlet.querySelector('.member-add-form')).not.toBeNull();
    expect(outlet.querySelector('input[name=version-name]')).not.toBeNull();
    expect(collabOptions).toEqual([expect.objectContaining({ draftId: 'd1', user: { id: 'kz', delegation: 'Facilitator' }, ticket: expect.any(Function) })]);
    expect(JSON.stringify(collabOptions)).not.toContain('tok');
    leave();
  });

  it('loads the proposals into their tab once the room is joined, and offers the views of the text', async () => {
    joinAck = { ok: true, access: access('delegate', 'Kazakhstan') };
    const proposals = new FakeServer().on('GET /api/drafts/d1/proposals', { status: 200, body: { proposals: [proposal('p1')] } });
    const { outlet, leave } = await open({ status: 200, body: { draft: { id: 'd1' }, access: access('delegate', 'Kazakhstan') } }, proposals);
    expect(outlet.querySelector('#tab-proposals')?.textContent).toBe('Proposals');
    expect(outlet.querySelector('#panel-proposals [data-proposal-id="p1"] .proposal-actions')?.textContent).toBe('Show in textSupportObject');
    expect([...outlet.querySelectorAll('.view-toggle input[type=radio]')].map((r) => (r as HTMLInputElement).value)).toEqual(['editing', 'compilation', 'clean', 'delegation']);
    leave();
  });

  it('holds a delegate of a proposals-only draft in Propose mode, and gives observers the rule but no switch', async () => {
    joinAck = { ok: true, access: access('delegate', 'Norway') };
    const delegate = await open({ status: 200, body: { draft: { id: 'd1', editing: 'proposals' }, access: access('delegate', 'Norway') } });
    const modes = () => [...delegate.outlet.querySelectorAll<HTMLButtonElement>('.propose-modes button')].map((b) => [b.textContent, b.getAttribute('aria-pressed'), b.disabled]);
    expect(modes()).toEqual([
      ['Edit', 'false', true],
      ['Propose', 'true', false],
    ]);
    expect(delegate.server.calls.map((call) => `${call.method} ${call.path}`)).toContain('GET /api/drafts/d1/proposals');
    delegate.leave();

    document.body.replaceChildren();
    joinAck = { ok: true, access: access('observer', 'Secretariat') };
    const observer = await open({ status: 200, body: { draft: { id: 'd1', editing: 'proposals' }, access: access('observer', 'Secretariat') } });
    expect(observer.outlet.querySelector('.propose-bar')).toBeNull();
    expect(observer.outlet.querySelector('.editing-rule')?.textContent).toMatch(/proposals only/);
    observer.leave();
  });

  it('says "not found" to someone outside the negotiation', async () => {
    const { outlet } = await open({ status: 404, body: { error: 'no such draft' } });
    expect(outlet.querySelector('.message-panel h2')?.textContent).toBe('Draft not found');
    expect(collabOptions).toEqual([]);
  });

  it('stops saying "Connecting…" once the server says the open draft does not exist', async () => {
    joinAck = { ok: true, access: access('delegate', 'Kazakhstan') };
    const { outlet, leave } = await open({ status: 200, body: { draft: { id: 'd1' }, access: access('delegate', 'Kazakhstan') } });
    collabHandlers[0].onClosed(CloseCode.UnknownDraft, 'unknown draft');
    expect(outlet.querySelector('.doc-heading')?.textContent).toContain('Draft not found');
    expect(outlet.querySelector('.connection-label')?.textContent).toBe('Not available');
    expect(outlet.querySelector('.people-panel .panel-summary')?.textContent).toBe('This draft is not available.');
    expect(outlet.textContent).not.toMatch(/Connecting…|Reconnecting…/);
    leave();
  });

  it('reads the lists once the room answers the join, each once, and again after a reconnect', async () => {
    joinAck = { ok: true, access: access('delegate', 'Kazakhstan') };
    holdJoins = true;
    const { server, leave } = await open({ status: 200, body: { draft: { id: 'd1', editing: 'direct' }, access: access('delegate', 'Kazakhstan') } });
    const reads = () => server.calls.filter((call) => call.method === 'GET').map((call) => call.path);
    expect(reads()).toEqual(['/api/drafts/d1']);

    heldJoins.shift()!();
    await settle();
    const lists = ['/comments', '/paragraphs', '/rounds', '/sponsors', '/silence', '/proposals'].map((list) => `/api/drafts/d1${list}`);
    // The draft's record again, for the editing rule as it is after the join; the negotiation for the Members list.
    expect(reads().sort()).toEqual(['/api/drafts/d1', '/api/drafts/d1', ...lists, '/api/negotiations/a'].sort());

    server.calls.length = 0;
    holdJoins = false;
    sockets[0].emit('connect');
    await settle();
    expect(reads().sort()).toEqual(['/api/drafts/d1', ...lists].sort());
    leave();
  });

  it('rebuilds the page when the room gives another role than the page was built for', async () => {
    joinAck = { ok: true, access: access('observer', 'Kazakhstan') };
    const { navigate, leave } = await open({ status: 200, body: { draft: { id: 'd1' }, access: access('delegate', 'Kazakhstan') } });
    expect(navigate).toHaveBeenCalledWith('/drafts/d1', { replace: true });
    leave();
  });
});
