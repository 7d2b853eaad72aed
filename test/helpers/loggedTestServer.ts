import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig, type Config } from '../../server/config';
import { startServer } from '../../server/startServer';
import type { PublicUser } from '../../shared/user';
import { LogCapture } from './captureLogs';
import { requestJson } from './http';
import type { TestServer } from './testServer';

export interface LoggedTestServer extends TestServer {
  logs: LogCapture;
}

/**
 * Like startTestServer() (real server on 127.0.0.1:0, fresh seeded SQLite store), but the
 * server logs into a LogCapture. TODO: fold into testServer.ts as a `logger` option.
 */
export async function startLoggedTestServer(overrides: Partial<Config> = {}): Promise<LoggedTestServer> {
  const logs = new LogCapture();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-test-'));
  const server = await startServer(testConfig({ seedDemo: true, ...overrides, dataDir }), logs.logger);
  const login = async (username: string) => {
    const { status, body } = await requestJson<{ token: string; user: PublicUser }>(`${server.url}/api/login`, {
      json: { username, password: 'negotiate' },
    });
    if (status !== 200) throw new Error(`login ${username} failed: ${status}`);
    return body;
  };
  const demoDraftId = async () => (await server.store.drafts.list()).find((d) => d.symbol === 'E/CN.15/2026/L.4')!.id;
  const stop = async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { ...server, wsUrl: server.url.replace('http', 'ws'), dataDir, logs, login, demoDraftId, stop };
}
