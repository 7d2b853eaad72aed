import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testConfig, type Config } from '../../server/config';
import type { Logger } from '../../server/logger';
import { startServer, type RunningServer, type ServerOptions } from '../../server/startServer';
import { mongoUnderTest, removeTestData } from './storeUnderTest';
import type { PublicUser } from '../../shared/user';

export interface TestServer extends RunningServer {
  wsUrl: string;
  dataDir: string;
  /** Signs in a demo account (password "negotiate"). */
  login(username: string): Promise<{ token: string; user: PublicUser }>;
  /** The id of the seeded demo draft. */
  demoDraftId(): Promise<string>;
  /** Closes the server and removes its data (folder, and MongoDB database if any). */
  stop(): Promise<void>;
}

/**
 * A real server on 127.0.0.1:0 with a fresh store seeded with the demo data (logging to `logger`
 * if given): SQLite, or MongoDB when MONGODB_URL is set and `overrides.mongodbUrl` does not say otherwise.
 */
export async function startTestServer(overrides: Partial<Config> = {}, logger?: Logger, options?: ServerOptions): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-test-'));
  const server = await startServer(testConfig({ seedDemo: true, ...mongoUnderTest(dataDir), ...overrides, dataDir }), logger, options);
  const login = async (username: string) => {
    const response = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'negotiate' }),
    });
    if (!response.ok) throw new Error(`login ${username} failed: ${response.status}`);
    return (await response.json()) as { token: string; user: PublicUser };
  };
  return {
    ...server,
    wsUrl: server.url.replace('http', 'ws'),
    dataDir,
    login,
    async demoDraftId() {
      const drafts = (await server.store.drafts.list()).filter((d) => d.symbol === 'E/CN.15/2026/L.4');
      return drafts[0].id;
    },
    async stop() {
      await server.close();
      await removeTestData(dataDir);
    },
  };
}
