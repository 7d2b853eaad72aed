import { CloseCode } from '../../../shared/closeCodes';
import { openRawYjs, type RawConnection } from '../../helpers/rawSocket';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { garbage } from '../../helpers/yjsBytes';

const PER_USER = 3;
const UNAUTHENTICATED = 2;
const BYTES_BEFORE_SIGN_IN = 1024;

describe('Yjs channel: connections per account, connections signing in, bytes before sign-in', () => {
  let server: TestServer;
  let draftId: string;
  const tokens: Record<string, string> = {};
  const opened: RawConnection[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      maxConnectionsPerUser: PER_USER,
      maxUnauthenticatedConnections: UNAUTHENTICATED,
      maxBytesBeforeSignIn: BYTES_BEFORE_SIGN_IN,
    });
    draftId = await server.demoDraftId();
    for (const name of ['usa', 'eu', 'nigeria']) tokens[name] = (await server.login(name)).token;
  });
  afterEach(async () => {
    for (const connection of opened.splice(0)) connection.ws.terminate();
  });
  afterAll(() => server.stop());

  const open = (token: string) => {
    const connection = openRawYjs(server.wsUrl, draftId, token);
    opened.push(connection);
    return connection;
  };

  /** Holds every account read of sign-ins until released; `reads(n)` resolves once n are waiting. */
  function holdSignIns() {
    const users = server.store.users;
    const findById = users.findById.bind(users);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const waiting: Array<() => void> = [];
    let count = 0;
    const spy = jest.spyOn(users, 'findById').mockImplementation(async (id) => {
      count++;
      waiting.splice(0).forEach((notify) => notify());
      await held;
      return findById(id);
    });
    const reads = async (n: number) => {
      while (count < n) await new Promise<void>((resolve) => waiting.push(resolve));
    };
    return {
      reads,
      release: () => {
        spy.mockRestore();
        release();
      },
    };
  }

  it(`closes an account's connection beyond ${PER_USER} with 4429; other accounts are not affected`, async () => {
    const mine = Array.from({ length: PER_USER }, () => open(tokens.usa));
    await Promise.all(mine.map((connection) => connection.firstMessage));
    expect(await open(tokens.usa).closed).toEqual({ code: CloseCode.RateLimited, reason: `more than ${PER_USER} connections for this account` });
    await open(tokens.eu).firstMessage;
    for (const connection of mine) expect(connection.ws.readyState).toBe(connection.ws.OPEN);
  });

  it(`refuses more than ${UNAUTHENTICATED} connections signing in at once with 4429, and takes new ones once they are through`, async () => {
    const signIns = holdSignIns();
    const waiting = [open(tokens.usa), open(tokens.eu)];
    await signIns.reads(UNAUTHENTICATED);
    expect(await open(tokens.nigeria).closed).toEqual({ code: CloseCode.RateLimited, reason: 'too many connections waiting for sign-in' });
    signIns.release();
    await Promise.all(waiting.map((connection) => connection.firstMessage));
    await open(tokens.nigeria).firstMessage;
  });

  it(`closes a connection that sends more than ${BYTES_BEFORE_SIGN_IN} bytes before its sign-in completes with 4429`, async () => {
    const signIns = holdSignIns();
    try {
      const flooding = open(tokens.usa);
      await flooding.opened;
      // Two frames, far below the frame count and the frame size limits, but above the byte budget.
      flooding.ws.send(garbage(600));
      flooding.ws.send(garbage(600));
      expect(await flooding.closed).toEqual({ code: CloseCode.RateLimited, reason: 'too much data before sign-in' });
    } finally {
      signIns.release();
    }
  });

  it('(control: frames within the byte budget wait for the sign-in and are then handled)', async () => {
    const signIns = holdSignIns();
    const patient = open(tokens.usa);
    await patient.opened;
    patient.ws.send(Uint8Array.of(3)); // an awareness query, answered once attached
    await signIns.reads(1);
    signIns.release();
    await patient.firstMessage;
    expect(patient.ws.readyState).toBe(patient.ws.OPEN);
  });
});
