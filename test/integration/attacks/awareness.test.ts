import * as Y from 'yjs';
import { awarenessUserOf, isRenderableAwarenessState } from '../../../shared/awarenessState';
import { DEFAULT_AWARENESS_LIMITS } from '../../../server/collab/validateAwareness';
import { CloseCode } from '../../../shared/closeCodes';
import type { PublicUser } from '../../../shared/user';
import { LogCapture, WARN } from '../../helpers/captureLogs';
import { openRawYjs, type Closed, type RawConnection } from '../../helpers/rawSocket';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { awarenessFrame } from '../../helpers/yjsBytes';
import { connectYjs, paragraphTexts, waitForDoc, type YjsClient } from '../../helpers/yjsClient';

/** The demo accounts' delegations in the demo draft's negotiation (what the server stamps on cursors). */
const DELEGATION: Record<string, string> = { eu: 'European Union', usa: 'United States', kazakhstan: 'Kazakhstan' };

type AwarenessStates = Map<number, Record<string, unknown>>;

/** The XmlText of the first operative paragraph of a synced draft. */
function firstOperativeText(doc: Y.Doc): Y.XmlText {
  const operative = doc.getXmlFragment('prosemirror').toArray()[4] as Y.XmlElement;
  return (operative.toArray()[0] as Y.XmlElement).get(0) as Y.XmlText;
}

/** Resolves once `predicate` holds for the client's awareness states, checking after every change. */
function awarenessUntil(client: YjsClient, predicate: (states: AwarenessStates) => boolean): Promise<void> {
  const awareness = client.provider.awareness;
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate(awareness.getStates() as AwarenessStates)) return;
      awareness.off('change', check);
      resolve();
    };
    awareness.on('change', check);
    check();
  });
}

describe('Yjs channel attacks: awareness states from a modified client', () => {
  let server: TestServer;
  const logs = new LogCapture();
  let draftId: string;
  const accounts: Record<string, { token: string; user: PublicUser }> = {};
  const clients: YjsClient[] = [];
  let victim: YjsClient;
  let witness: YjsClient;
  let attacker: RawConnection;
  /** Raw connections of a test other than the attacker. */
  const raws: RawConnection[] = [];
  /** The victim's cursor as every reader should see it. */
  let victimState: Record<string, unknown>;

  const connect = async (username: string, state?: Record<string, unknown>) => {
    const client = connectYjs(server.wsUrl, draftId, accounts[username].token);
    clients.push(client);
    await client.synced;
    if (state) Object.entries(state).forEach(([field, value]) => client.provider.awareness.setLocalStateField(field, value));
    return client;
  };

  /** Sends the frame; resolves with what happened first: the attacker was closed, or the witness saw a change. */
  const attack = (bytes: Uint8Array): Promise<{ closed: Closed } | { relayed: true }> => {
    const relayed = new Promise<{ relayed: true }>((resolve) => witness.provider.awareness.once('change', () => resolve({ relayed: true })));
    attacker.ws.send(bytes);
    return Promise.race([attacker.closed.then((closed) => ({ closed })), relayed]);
  };

  /** The room remembers the clock of every client id it saw, so each test announces a fresh one. */
  let nextOwnId = 4000;
  /**
   * Sends the frame, then a state of the attacker's own, and resolves once the witness has it:
   * frames are handled in order, so by then the server has dealt with the first one.
   */
  const attackThenSync = async (bytes: Uint8Array) => {
    const ownId = nextOwnId++;
    attacker.ws.send(bytes);
    attacker.ws.send(awarenessFrame([{ clientId: ownId, clock: 1, state: { cursor: null } }]));
    await awarenessUntil(witness, (states) => states.has(ownId));
  };

  const refused = (reason: RegExp) => {
    const closeLines = logs.entries.filter((entry) => entry.msg === 'closing yjs connection' && entry.user === accounts.kazakhstan.user.id);
    expect(closeLines).toContainEqual(expect.objectContaining({ level: WARN, code: CloseCode.BadMessage, reason: expect.stringMatching(reason) }));
    return { closed: { code: CloseCode.BadMessage, reason: expect.stringMatching(reason) } };
  };

  /**
   * The stock clients see only states the cursor plugin can draw, each labelled by the server as
   * its author; the victim's cursor is intact; the victim keeps editing and a newcomer syncs the text.
   */
  const expectRoomHealthy = async () => {
    const states = witness.provider.awareness.getStates() as AwarenessStates;
    const stamps = ['eu', 'usa', 'kazakhstan'].map((name) => awarenessUserOf(accounts[name].user, DELEGATION[name]));
    for (const [clientId, state] of states) {
      if (clientId === witness.doc.clientID) continue;
      expect(isRenderableAwarenessState(state)).toBe(true);
      expect(Object.keys(state).filter((key) => key !== 'cursor' && key !== 'user')).toEqual([]);
      expect(stamps).toContainEqual(state.user);
    }
    expect(states.get(victim.doc.clientID)).toEqual(victimState);

    expect(victim.provider.wsconnected).toBe(true);
    firstOperativeText(victim.doc).insert(0, 'Firmly ');
    const newcomer = await connect('nigeria');
    await waitForDoc(newcomer.doc, (doc) => firstOperativeText(doc).toString().startsWith('Firmly '));
    await waitForDoc(witness.doc, (doc) => firstOperativeText(doc).toString().startsWith('Firmly '));
    expect(paragraphTexts(newcomer.doc)).toEqual(paragraphTexts(victim.doc));
  };

  beforeAll(async () => {
    server = await startTestServer({}, logs.logger);
    draftId = await server.demoDraftId();
    for (const name of ['eu', 'usa', 'kazakhstan', 'nigeria', 'belarus', 'philippines', 'chair']) accounts[name] = await server.login(name);
  });

  beforeEach(async () => {
    victim = await connect('eu');
    const position = Y.createRelativePositionFromTypeIndex(firstOperativeText(victim.doc), 3);
    const cursor = JSON.parse(JSON.stringify({ anchor: position, head: position }));
    victim.provider.awareness.setLocalState({ user: { name: 'European Union' }, cursor });
    victimState = { cursor, user: awarenessUserOf(accounts.eu.user, DELEGATION.eu) };
    witness = await connect('usa');
    await awarenessUntil(witness, (states) => states.get(victim.doc.clientID)?.cursor !== undefined);
    attacker = openRawYjs(server.wsUrl, draftId, accounts.kazakhstan.token);
    await attacker.firstMessage;
  });

  afterEach(() => {
    [attacker, ...raws.splice(0)].forEach((connection) => connection.ws.terminate());
    clients.splice(0).forEach((client) => client.destroy());
  });
  afterAll(() => server.stop());

  it('relays `{user: "Kazakhstan"}` only as the server\'s stamp of the sender', async () => {
    const attackerId = 1234;
    await attack(awarenessFrame([{ clientId: attackerId, clock: 1, state: { user: 'Kazakhstan' } }]));
    await awarenessUntil(witness, (states) => states.has(attackerId));
    expect(witness.provider.awareness.getStates().get(attackerId)).toEqual({ user: awarenessUserOf(accounts.kazakhstan.user, DELEGATION.kazakhstan) });
    await expectRoomHealthy();
  });

  it('refuses a cursor with a null anchor (it throws in y-prosemirror)', async () => {
    const outcome = await attack(awarenessFrame([{ clientId: 1235, clock: 1, state: { cursor: { anchor: null } } }]));
    expect(outcome).toEqual(refused(/malformed awareness state \(cursor\.anchor\)/));
    await expectRoomHealthy();
  });

  it('refuses 1,000 client ids in one frame', async () => {
    const entries = Array.from({ length: 1000 }, (_, i) => ({ clientId: 5000 + i, clock: 1, state: { cursor: null } }));
    const outcome = await attack(awarenessFrame(entries));
    expect(outcome).toEqual(refused(/too many awareness/));
    await expectRoomHealthy();
  });

  it('refuses a 1 MB state', async () => {
    const outcome = await attack(awarenessFrame([{ clientId: 1236, clock: 1, state: { cursor: null, pad: 'x'.repeat(1 << 20) } }]));
    expect(outcome).toEqual(refused(/too large/));
    await expectRoomHealthy();
  });

  it("drops a state under another delegation's client id", async () => {
    const forged = { user: { name: 'European Union' }, cursor: null };
    await attackThenSync(awarenessFrame([{ clientId: victim.doc.clientID, clock: 1_000_000, state: forged }]));
    await expectRoomHealthy();
  });

  it("drops the removal of another delegation's cursor", async () => {
    await attackThenSync(awarenessFrame([{ clientId: victim.doc.clientID, clock: 1_000_000, state: null }]));
    await expectRoomHealthy();
  });

  it("keeps a client id with the connection that announced it, even against the same delegation's other connection", async () => {
    const clientId = nextOwnId++;
    const state = (clock: number, cursor: unknown) => awarenessFrame([{ clientId, clock, state: { cursor } }]);
    const attached = async () => {
      const connection = openRawYjs(server.wsUrl, draftId, accounts.eu.token);
      raws.push(connection);
      await connection.firstMessage;
      return connection;
    };
    const first = await attached();
    first.ws.send(state(1, null));
    await awarenessUntil(witness, (states) => states.get(clientId)?.cursor === null);

    // Tabs of one browser echo each other's states; the second connection's copy is not applied.
    const second = await attached();
    const secondOwnId = nextOwnId++;
    second.ws.send(state(2, victimState.cursor));
    second.ws.send(awarenessFrame([{ clientId: secondOwnId, clock: 1, state: { cursor: null } }]));
    await awarenessUntil(witness, (states) => states.has(secondOwnId));
    expect(witness.provider.awareness.getStates().get(clientId)).toEqual({ cursor: null, user: awarenessUserOf(accounts.eu.user, DELEGATION.eu) });

    // Once the first connection is gone, the id is free again (a reconnect whose old socket lingered).
    first.ws.close();
    await awarenessUntil(witness, (states) => !states.has(clientId));
    second.ws.send(state(3, victimState.cursor));
    await awarenessUntil(witness, (states) => states.get(clientId)?.cursor !== undefined);
    expect(witness.provider.awareness.getStates().get(clientId)).toEqual({ ...victimState, user: awarenessUserOf(accounts.eu.user, DELEGATION.eu) });
    await expectRoomHealthy();
  });

  it('keeps a stock client that joins a room with more cursors than one connection may hold (it echoes them all)', async () => {
    const others = await Promise.all(['kazakhstan', 'nigeria', 'belarus', 'philippines'].map((name) => connect(name, { cursor: null })));
    const all = [victim, ...others].map((client) => client.doc.clientID);
    await awarenessUntil(witness, (states) => all.every((id) => states.has(id)));
    const newcomer = await connect('chair');
    await awarenessUntil(newcomer, (states) => all.every((id) => states.has(id)));
    firstOperativeText(newcomer.doc).insert(0, 'Further ');
    await waitForDoc(witness.doc, (doc) => firstOperativeText(doc).toString().startsWith('Further '));
    expect(newcomer.provider.wsconnected).toBe(true);
  });
});

describe('Yjs channel: a bounded number of awareness states per room', () => {
  const logs = new LogCapture();
  let server: TestServer;
  const clients: YjsClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ awarenessLimits: { ...DEFAULT_AWARENESS_LIMITS, maxStatesPerRoom: 2 } }, logs.logger);
  });
  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    await server.stop();
  });

  it('leaves a newcomer beyond AWARENESS_MAX_STATES_PER_ROOM invisible, logs it, and lets it edit', async () => {
    const draftId = await server.demoDraftId();
    const join = async (username: string) => {
      const { token } = await server.login(username);
      const client = connectYjs(server.wsUrl, draftId, token, { connect: false });
      clients.push(client);
      client.provider.awareness.setLocalStateField('cursor', null);
      client.provider.connect();
      await client.synced;
      return client;
    };
    const first = await join('eu');
    const watcher = await join('usa');
    await awarenessUntil(first, (states) => states.has(watcher.doc.clientID));
    const late = await join('kazakhstan');

    // Frames are handled in order: once the edit arrives, the late client's awareness was judged.
    firstOperativeText(late.doc).insert(0, 'Firmly ');
    await waitForDoc(first.doc, (doc) => firstOperativeText(doc).toString().startsWith('Firmly '));
    expect([...first.provider.awareness.getStates().keys()].sort()).toEqual([first.doc.clientID, watcher.doc.clientID].sort());
    expect(late.provider.wsconnected).toBe(true);
    expect(logs.entries).toContainEqual(expect.objectContaining({ level: WARN, msg: 'awareness left out: room is full', clientIds: [late.doc.clientID] }));
  });
});
