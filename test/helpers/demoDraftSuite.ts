import type { Config } from '../../server/config';
import type { Logger } from '../../server/logger';
import { requestJson, type JsonResponse } from './http';
import { connectSocket, emitAck, type ClientSocket } from './socketClient';
import { startTestServer, type TestServer } from './testServer';
import { connectYjs, type YjsClient } from './yjsClient';

/** A test server with the demo draft, its users signed in by name, and the clients a suite opens. */
export interface DemoDraftSuite {
  readonly server: TestServer;
  readonly draftId: string;
  tokenOf(username: string): Promise<string>;
  /** A request to /api/drafts/<the demo draft><path> as `username`. */
  api<T>(username: string, method: string, path: string, json?: unknown): Promise<JsonResponse<T>>;
  /** A synced Yjs client of the draft, destroyed after the suite. */
  yjs(username: string): Promise<YjsClient>;
  /** A socket.io client that joined the draft's room, disconnected after the suite. */
  joinedSocket(username: string): Promise<ClientSocket>;
}

/** Registers beforeAll/afterAll in the calling describe (its server configured with `overrides`, logging to `logger`); the fields are ready inside its tests. */
export function demoDraftSuite(overrides: Partial<Config> = {}, logger?: Logger): DemoDraftSuite {
  const tokens = new Map<string, string>();
  const clients: YjsClient[] = [];
  const sockets: ClientSocket[] = [];
  let server: TestServer;
  let draftId: string;
  beforeAll(async () => {
    server = await startTestServer(overrides, logger);
    draftId = await server.demoDraftId();
  });
  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    sockets.forEach((socket) => socket.disconnect());
    await server.stop();
  });
  const tokenOf = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, (await server.login(username)).token);
    return tokens.get(username)!;
  };
  return {
    get server() {
      return server;
    },
    get draftId() {
      return draftId;
    },
    tokenOf,
    api: async (username, method, path, json) => requestJson(`${server.url}/api/drafts/${draftId}${path}`, { method, token: await tokenOf(username), json }),
    yjs: async (username) => {
      const client = connectYjs(server.wsUrl, draftId, await tokenOf(username));
      clients.push(client);
      await client.synced;
      return client;
    },
    joinedSocket: async (username) => {
      const socket = await connectSocket(server.url, await tokenOf(username));
      sockets.push(socket);
      const joined = await emitAck(socket, 'draft:join', { draftId });
      if (!joined.ok) throw new Error(`${username} could not join the draft: ${joined.error}`);
      return socket;
    },
  };
}
