import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { mongoUnderTest } from './storeUnderTest';

export interface ServerProcess {
  url: string;
  wsUrl: string;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | string | null>;
}

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Starts `server/main.ts` as its own process (as `npm start` does) on a free port; under MONGODB_URL
 * on the data dir's own database (remove both with removeTestData). `env` adds to or overrides its
 * environment (REDIS_URL for several instances on one data dir, SEED_DEMO: '0' on all but the first).
 * `bundle` runs a built `main.mjs` (`npm run build:server`) instead of the TypeScript source.
 */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}, bundle?: string): Promise<ServerProcess> {
  const { mongodbUrl, mongodbDatabase } = mongoUnderTest(dataDir);
  const store = mongodbUrl ? { MONGODB_URL: mongodbUrl, MONGODB_DB: mongodbDatabase } : {};
  const entry = bundle ? [bundle] : ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')];
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: '1', CLIENT_DIR: '', ...store, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1].replace('localhost', '127.0.0.1'));
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
  return { url, wsUrl: url.replace('http', 'ws'), child, exited };
}

export async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'negotiate' }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export async function firstDraftId(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/api/drafts`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { drafts: Array<{ id: string }> }).drafts[0].id;
}
