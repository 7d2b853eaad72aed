import { io } from 'socket.io-client';
import type { PresenceEntry, PresenceRoster } from '../../shared/presence';
import { requestJson } from '../helpers/http';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../helpers/socketClient';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('socket.io presence: who is in a draft', () => {
  let server: TestServer;
  let draftId: string;
  const tokens: Record<string, string> = {};
  const sockets: ClientSocket[] = [];

  const connect = async (username: string) => {
    const socket = await connectSocket(server.url, tokens[username]);
    sockets.push(socket);
    return socket;
  };
  const join = (socket: ClientSocket, id = draftId) => emitAck(socket, 'draft:join', { draftId: id });
  /** The next roster of our draft whose delegations are exactly `delegations`, in join order. */
  const rosterOf = (socket: ClientSocket, ...delegations: string[]) =>
    nextEvent<PresenceRoster>(
      socket,
      'presence',
      (roster) => roster.draftId === draftId && roster.people.map((p) => p.delegation).join() === delegations.join(),
    );

  beforeAll(async () => {
    server = await startTestServer();
    for (const username of ['kazakhstan', 'eu', 'usa', 'chair']) tokens[username] = (await server.login(username)).token;
  });
  // A draft of its own per test: the server handles the previous test's disconnects in its own time.
  beforeEach(async () => {
    const created = await requestJson<{ draft: { id: string } }>(`${server.url}/api/drafts`, {
      token: tokens.chair,
      json: { title: 'Presence test draft' },
    });
    draftId = created.body.draft.id;
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));
  afterAll(() => server.stop());

  describe('the handshake refuses connections without a valid token', () => {
    it.each([
      ['no token', {}],
      ['an empty token', { token: '' }],
      ['a token that is not a string', { token: 42 }],
      ['a forged token', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }],
    ])('%s', async (_name, auth) => {
      const socket: ClientSocket = io(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const error = await new Promise<Error>((resolve, reject) => {
        socket.once('connect_error', resolve);
        socket.once('connect', () => reject(new Error('connected without a valid token')));
      });
      expect(error.message).toBe('unauthorized');
    });
  });

  describe('draft:join', () => {
    it('acknowledges joining an existing draft with the role and delegation in its negotiation', async () => {
      const access = { negotiationId: expect.any(String), negotiationName: 'CCPCJ 35th session, Committee of the Whole', role: 'delegate', delegation: 'Kazakhstan' };
      expect(await join(await connect('kazakhstan'))).toEqual({ ok: true, access });
    });

    it.each([
      ['no payload', undefined, /expected object/],
      ['a payload without draftId', {}, /^draftId: /],
      ['an empty draftId', { draftId: '' }, /^draftId: /],
      ['a draftId that is not a string', { draftId: 7 }, /^draftId: /],
      ['a draftId over 100 characters', { draftId: 'x'.repeat(101) }, /^draftId: /],
    ])('refuses %s with {ok: false, error}', async (_name, payload, error) => {
      const socket = await connect('kazakhstan');
      expect(await emitAck(socket, 'draft:join', payload)).toEqual({ ok: false, error: expect.stringMatching(error) });
    });

    it('refuses a draft that does not exist', async () => {
      expect(await join(await connect('kazakhstan'), 'no-such-draft')).toEqual({ ok: false, error: 'no such draft' });
    });
  });

  describe('the roster', () => {
    it('lists everyone in the draft with delegation, role and since, to everyone in it', async () => {
      const kazakhstan = await connect('kazakhstan');
      const eu = await connect('eu');
      const started = Date.now();
      await join(kazakhstan);
      const seenByKazakhstan = rosterOf(kazakhstan, 'Kazakhstan', 'European Union');
      const seenByEu = rosterOf(eu, 'Kazakhstan', 'European Union');
      expect(await join(eu)).toMatchObject({ ok: true });
      const [roster, sameRoster] = await Promise.all([seenByKazakhstan, seenByEu]);
      expect(sameRoster).toEqual(roster);
      expect(roster.people).toEqual<PresenceEntry[]>([
        {
          userId: expect.any(String),
          displayName: 'Delegate of Kazakhstan',
          delegation: 'Kazakhstan',
          role: 'delegate',
          since: expect.any(String),
        },
        {
          userId: expect.any(String),
          displayName: 'Delegate of the European Union',
          delegation: 'European Union',
          role: 'delegate',
          since: expect.any(String),
        },
      ]);
      for (const person of roster.people) {
        expect(Date.parse(person.since)).toBeGreaterThanOrEqual(started - 1000);
        expect(Date.parse(person.since)).toBeLessThanOrEqual(Date.now());
      }
    });

    it('shows a person with two connections once, from the first, until both have left', async () => {
      const firstTab = await connect('kazakhstan');
      const secondTab = await connect('kazakhstan');
      const eu = await connect('eu');
      await join(firstTab);
      const both = rosterOf(eu, 'Kazakhstan', 'European Union');
      await join(eu);
      const since = (await both).people[0].since;

      // The second tab changes nothing for the others, but gets the roster itself.
      const secondTabRoster = rosterOf(secondTab, 'Kazakhstan', 'European Union');
      expect(await join(secondTab)).toMatchObject({ ok: true });
      expect((await secondTabRoster).people[0].since).toBe(since);

      // One tab leaves: still there (seen in the roster the next newcomer causes).
      expect(await emitAck(firstTab, 'draft:leave', { draftId })).toEqual({ ok: true });
      const usa = await connect('usa');
      const withUsa = rosterOf(eu, 'Kazakhstan', 'European Union', 'United States');
      await join(usa);
      expect((await withUsa).people[0].since).toBe(since);

      // The last tab goes: gone for everyone.
      const withoutKazakhstan = rosterOf(eu, 'European Union', 'United States');
      secondTab.disconnect();
      await withoutKazakhstan;
    });

    it('removes a person who leaves the draft or disconnects, and tells the others', async () => {
      const eu = await connect('eu');
      const usa = await connect('usa');
      await join(eu);
      let roster = rosterOf(eu, 'European Union', 'United States');
      await join(usa);
      await roster;

      roster = rosterOf(eu, 'European Union');
      expect(await emitAck(usa, 'draft:leave', { draftId })).toEqual({ ok: true });
      await roster;

      roster = rosterOf(eu, 'European Union', 'United States');
      await join(usa);
      await roster;

      roster = rosterOf(eu, 'European Union');
      usa.disconnect();
      await roster;
    });
  });
});
