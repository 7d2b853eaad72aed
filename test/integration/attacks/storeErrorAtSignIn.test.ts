import { io } from 'socket.io-client';
import { CloseCode } from '../../../shared/closeCodes';
import { ConnectError } from '../../../shared/events';
import { ERROR, LogCapture } from '../../helpers/captureLogs';
import { openRawYjs } from '../../helpers/rawSocket';
import { connectSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';

describe('a store error while a connection signs in', () => {
  let server: TestServer;
  const logs = new LogCapture();
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({}, logs.logger);
    token = (await server.login('usa')).token;
  });
  afterAll(() => server.stop());

  const failNextAccountRead = () => jest.spyOn(server.store.users, 'findById').mockRejectedValueOnce(new Error('store unavailable'));

  it('refuses a socket.io handshake with "unavailable", logs it, and keeps serving', async () => {
    const spy = failNextAccountRead();
    const mark = logs.mark();
    // Without an answer from the server the client gives up after `timeout` with "timeout".
    const socket = io(server.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 3_000 });
    try {
      const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      expect(error.message).toBe(ConnectError.Unavailable);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(logs.since(mark)).toContainEqual(
        expect.objectContaining({ level: ERROR, msg: 'socket.io sign-in failed', err: expect.objectContaining({ message: 'store unavailable' }) }),
      );
    } finally {
      socket.close();
      spy.mockRestore();
    }
    const healthy = await connectSocket(server.url, token);
    expect(healthy.connected).toBe(true);
    healthy.disconnect();
  });

  it('closes a Yjs connection with 4503 (retry later), and keeps serving', async () => {
    const draftId = await server.demoDraftId();
    const spy = failNextAccountRead();
    try {
      const failed = openRawYjs(server.wsUrl, draftId, token);
      expect(await failed.closed).toEqual({ code: CloseCode.Unavailable, reason: expect.any(String) });
    } finally {
      spy.mockRestore();
    }
    const healthy = openRawYjs(server.wsUrl, draftId, token);
    await healthy.firstMessage;
    healthy.ws.close();
  });
});
