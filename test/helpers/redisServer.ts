import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A private redis-server for one test file: loopback only, on a free port, persistence off. */
export interface RedisUnderTest {
  url: string;
  port: number;
  /** Of the redis-server process (the bench reads its CPU time). */
  pid: number;
  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered (a stalled or frozen Redis). */
  freeze(): void;
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void;
  /** Stops the server (thawed first, SIGTERM, then SIGKILL if it lingers) and waits until it is gone. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the kernel picks it; closed again before redis takes it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `redis-server` (Debian package `redis-server`, installed by .ci/run) and resolves once it accepts
 * connections; on `port` when given (to bring a stopped one back where its clients reconnect).
 */
export async function startRedis(port?: number): Promise<RedisUnderTest> {
  port ??= await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (err) => reject(new Error(`redis-server could not start (is the Debian package installed?): ${err.message}`)));
    void exited.then(() => reject(new Error(`redis-server exited before it was ready:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A frozen process would hold SIGTERM until thawed.
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
