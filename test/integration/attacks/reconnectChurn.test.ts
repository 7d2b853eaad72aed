import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/closeCodes';
import { LogCapture } from '../../helpers/captureLogs';
import { openRawYjs, type RawConnection } from '../../helpers/rawSocket';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, paragraphTexts } from '../../helpers/yjsClient';
import { syncFrame } from '../../helpers/yjsBytes';

const PER_USER = 3;
// Long enough that a live client in this busy test process always answers in time.
const LIVENESS_CHECK_MS = 1_000;
const RECONNECTS = 300;
const NETWORK_CHANGES = 20;
const FULL = { code: CloseCode.RateLimited, reason: `more than ${PER_USER} connections for this account` };
/** The state vector of a client that has nothing yet. */
const NOTHING_YET = Uint8Array.of(0);

/**
 * A delegate on flaky conference Wi-Fi reconnects all day. Closed connections must give their
 * place in the per-account budget back, and so must connections whose network went away without
 * a close reaching the server; connections that still answer keep counting, so a client opening
 * them in a loop is refused as before.
 */
describe('reconnecting often: every reconnect syncs, the per-account budget counts only connections still there', () => {
  const logs = new LogCapture('warn');
  let server: TestServer;
  let draftId: string;
  const tokens: Record<string, string> = {};
  const opened: RawConnection[] = [];

  beforeAll(async () => {
    server = await startTestServer({ maxConnectionsPerUser: PER_USER, livenessCheckMs: LIVENESS_CHECK_MS }, logs.logger);
    draftId = await server.demoDraftId();
    for (const name of ['usa', 'eu', 'nigeria', 'kazakhstan', 'belarus', 'philippines', 'secretariat']) tokens[name] = (await server.login(name)).token;
  });
  afterEach(() => {
    for (const connection of opened.splice(0)) connection.ws.terminate();
  });
  afterAll(() => server.stop());

  const open = (name: string) => {
    const connection = openRawYjs(server.wsUrl, draftId, tokens[name]);
    opened.push(connection);
    return connection;
  };

  /** A connection that completed the sync handshake and received the draft's text. */
  async function synced(name: string): Promise<RawConnection> {
    const connection = open(name);
    const stepTwo = syncStepTwo(connection);
    await connection.opened;
    connection.ws.send(syncFrame(0, NOTHING_YET));
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, await stepTwo);
      expect(paragraphTexts(doc).length).toBeGreaterThan(0);
    } finally {
      doc.destroy();
    }
    return connection;
  }

  /** Resolves with the state the server sends in its sync step 2; rejects when the socket closes first. */
  function syncStepTwo({ ws, closed }: RawConnection): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1) resolve(decoding.readVarUint8Array(decoder));
      });
      void closed.then(({ code, reason }) => reject(new Error(`closed before its sync: ${code} ${reason}`)));
    });
  }

  /** Counts the pings `connection` receives from now on. */
  function pingsTo({ ws }: RawConnection): () => number {
    let pings = 0;
    ws.on('ping', () => pings++);
    return () => pings;
  }

  /** The account has exactly `open` connections: `PER_USER - open` more are let in, the next is refused. */
  async function expectOpenConnections(name: string, open: number): Promise<void> {
    for (let i = open; i < PER_USER; i++) await synced(name);
    expect(await openRawYjs(server.wsUrl, draftId, tokens[name]).closed).toEqual(FULL);
  }

  it(`a stock y-websocket client reconnecting ${RECONNECTS} times syncs every time and holds one place afterwards`, async () => {
    const client = connectYjs(server.wsUrl, draftId, tokens.usa);
    try {
      await client.synced;
      for (let i = 0; i < RECONNECTS; i++) {
        client.provider.disconnect();
        const resynced = new Promise<void>((resolve) => client.provider.once('sync', (isSynced: boolean) => isSynced && resolve()));
        client.provider.connect();
        await resynced;
      }
      expect(paragraphTexts(client.doc).length).toBeGreaterThan(0);
      await expectOpenConnections('usa', 1);
    } finally {
      client.destroy();
    }
  });

  it(`a device whose network goes away ${NETWORK_CHANGES} times (no close reaches the server) gets back in every time`, async () => {
    const mark = logs.mark();
    for (let i = 0; i < NETWORK_CHANGES; i++) {
      const connection = await synced('eu');
      // The device moved on: this socket neither reads nor closes any more (a half-open TCP connection).
      connection.ws.pause();
    }
    const cut = logs.since(mark).filter((entry) => entry.msg === 'cutting yjs connection: no answer to a liveness check');
    expect(cut.length).toBeGreaterThanOrEqual(NETWORK_CHANGES - PER_USER);
    expect(cut.every((entry) => entry.waitedMs === LIVENESS_CHECK_MS)).toBe(true);
  });

  it('attack: a client keeping its connections answering is refused with 4429 however often it tries; other accounts are not affected', async () => {
    const mine = await Promise.all(Array.from({ length: PER_USER }, () => synced('nigeria')));
    for (let i = 0; i < 20; i++) expect(await open('nigeria').closed).toEqual(FULL);
    const burst = await Promise.all(Array.from({ length: 10 }, () => open('nigeria').closed));
    expect(burst).toEqual(Array.from({ length: 10 }, () => FULL));
    for (const connection of mine) expect(connection.ws.readyState).toBe(connection.ws.OPEN);
    await synced('belarus');
  });

  it("attack: an account at its budget that keeps trying has only its own connections asked, never another account's", async () => {
    const attempts = 5;
    const bystander = pingsTo(await synced('secretariat'));
    const mine = (await Promise.all(Array.from({ length: PER_USER }, () => synced('philippines')))).map(pingsTo);
    for (let i = 0; i < attempts; i++) expect(await open('philippines').closed).toEqual(FULL);
    // Each refusal comes after the pongs of its check, so every ping of every check has been received by now.
    expect(Math.min(...mine.map((pings) => pings()))).toBeGreaterThanOrEqual(attempts);
    // The channel's heartbeat (every 30 s) may ping everyone once meanwhile; no check ever does.
    expect(bystander()).toBeLessThan(attempts);
  });

  it('a burst of connections while silent ones are being checked never takes the account past its budget', async () => {
    for (let i = 0; i < PER_USER; i++) (await synced('kazakhstan')).ws.pause();
    const burst = Array.from({ length: 2 * PER_USER }, () => open('kazakhstan'));
    const outcomes = await Promise.all(burst.map(({ firstMessage, closed }) => Promise.race([firstMessage.then(() => 'in' as const), closed])));
    const admitted = outcomes.filter((outcome) => outcome === 'in').length;
    expect(admitted).toBeGreaterThanOrEqual(1);
    expect(admitted).toBeLessThanOrEqual(PER_USER);
    expect(outcomes.filter((outcome) => outcome !== 'in')).toEqual(Array.from({ length: 2 * PER_USER - admitted }, () => FULL));
    await expectOpenConnections('kazakhstan', admitted);
  });
});
