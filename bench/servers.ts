import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startScriptEnv } from './startScriptEnv';

export type ServerName = 'reference' | 'ours';

/** A server under test, running as a child process of the bench. */
export interface ServerProcess {
  readonly name: ServerName;
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** DevTools protocol endpoint (see inspector.ts). */
  readonly inspectorUrl: string;
  /** Output lines printed after start-up (our server logs warnings there), last ones kept. */
  readonly log: string[];
  /** SIGTERM, then SIGKILL if it does not exit in time; removes its data folder. */
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');
const REFERENCE_ENTRY = path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js');
/** Both servers get it; no session is attached unless the bench needs a GC or a profile. */
const INSPECT = '--inspect=127.0.0.1:0';
const INSPECTOR_LINE = /Debugger listening on (ws:\/\/\S+)/;
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const LOG_LINES_KEPT = 50;
/** The inspector's own notices when the bench attaches and leaves. */
const INSPECTOR_CHATTER = /^(Debugger attached|Debugger ending|Waiting for the debugger|For help, see)/;

// Whatever happens to the bench (error, Ctrl-C), no server and no data folder outlives it.
const running = new Map<ChildProcess, string | null>();
process.on('exit', () =>
  running.forEach((dataDir, child) => {
    child.kill('SIGKILL');
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }),
);
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

/** @y/websocket-server as shipped: in memory (no YPERSISTENCE), no callback; `nodeArgs` go to node (a profiler's flags). */
export async function startReference(nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const env = childEnv({ HOST: '127.0.0.1', PORT: String(port) });
  return launch('reference', [INSPECT, ...nodeArgs, REFERENCE_ENTRY], env, /running at '127\.0\.0\.1' on port (\d+)/, null);
}

/** How to start one of ours beyond the defaults. */
export interface OursOptions {
  /** Added to its environment: REDIS_URL and AUTH_SECRET for several instances on one store. */
  env?: Record<string, string>;
  /** Leave the data folder when it stops, for a store several instances share (its owner removes it). */
  keepDataDir?: boolean;
}

/** Our server as `npm start` runs it (the bundle `npm run bench` builds first), on a fresh SQLite store. */
export async function startOurs(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-bench-')),
  options: OursOptions = {},
): Promise<ServerProcess> {
  const env = childEnv({
    ...startScriptEnv(ROOT),
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: '1',
    // Rooms stay loaded for the whole run, as the reference keeps every document.
    IDLE_UNLOAD_MS: String(60 * 60 * 1000),
    // The bench creates and opens 500 drafts as one account; the per-account limits that stop a
    // modified client would refuse that, and the reference has none.
    DRAFTS_PER_HOUR: '1000',
    MAX_CONNECTIONS_PER_USER: '1000',
    CLIENT_DIR: '',
    ...options.env,
  });
  const removedOnStop = options.keepDataDir ? null : dataDir;
  return launch('ours', [INSPECT, '--enable-source-maps', 'dist/server/main.mjs'], env, /ready at http:\/\/localhost:(\d+)/, removedOnStop);
}

/** The bench's environment without anything that would change how a server stores or starts, then `own`. */
function childEnv(own: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['NODE_OPTIONS', 'YPERSISTENCE', 'CALLBACK_URL', 'MONGODB_URL', 'MONGODB_DB', 'AUTH_SECRET', 'REDIS_URL']) delete env[key];
  return { ...env, ...own };
}

function launch(name: ServerName, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, dataDir: string | null): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.set(child, dataDir);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log: string[] = [];
  const keep = (line: string) => {
    log.push(line);
    if (log.length > LOG_LINES_KEPT) log.shift();
  };

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  return new Promise<ServerProcess>((resolve, reject) => {
    let port: number | null = null;
    let inspectorUrl: string | null = null;
    let started = false;
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${name} server ${why}:\n${log.join('\n')}`)));
    };
    const timer = setTimeout(() => fail('was not ready in time'), READY_TIMEOUT_MS);
    const earlyExit = (code: number | null) => fail(`exited during start-up (code ${code})`);
    child.once('exit', earlyExit);
    // The two announcements come on different pipes, in either order.
    const onLine = (line: string) => {
      if (started) return INSPECTOR_CHATTER.test(line) || keep(line);
      keep(line);
      port ??= Number(ready.exec(line)?.[1]) || null;
      inspectorUrl ??= INSPECTOR_LINE.exec(line)?.[1] ?? null;
      if (port === null || inspectorUrl === null) return;
      started = true;
      clearTimeout(timer);
      child.off('exit', earlyExit);
      // From here on the log holds only what the server says while under load.
      log.length = 0;
      resolve({ name, pid: child.pid!, url: `http://127.0.0.1:${port}`, inspectorUrl, log, stop });
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
  });
}

/** A port free right now on 127.0.0.1, for the reference server which cannot pick its own. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
