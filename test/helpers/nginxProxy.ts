import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './redisServer';

export interface NginxUnderTest {
  /** http://127.0.0.1:port of the proxy. */
  url: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

/** Resolves once something accepts connections on the port (nginx says nothing when it is ready). */
async function accepting(port: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const connected = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (connected) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * nginx (Debian package `nginx`, installed by .ci/run) running the deployment's own
 * deploy/nginx.conf, with `app1:3000` and `app2:3000` pointing at the given local ports and
 * listening on a free loopback port; its files live in a temporary folder.
 */
export async function startNginx([app1Port, app2Port]: [number, number]): Promise<NginxUnderTest> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-test-'));
  const port = await freePort();
  const site = fs
    .readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
    .replace('app1:3000', `127.0.0.1:${app1Port}`)
    .replace('app2:3000', `127.0.0.1:${app2Port}`)
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${dir}/${kind};`).join(' ');
  const main = `pid ${dir}/nginx.pid; daemon off; worker_processes 1; events { worker_connections 256; } http { access_log off; ${temp} include ${dir}/site.conf; }`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), main);
  const args = ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')];

  const check = spawnSync('nginx', [...args, '-t'], { encoding: 'utf8' });
  if (check.error) throw new Error(`nginx could not start (is the Debian package installed?): ${check.error.message}`);
  if (check.status !== 0) throw new Error(`nginx refused deploy/nginx.conf:\n${check.stderr}`);

  const child = spawn('nginx', args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await Promise.race([accepting(port), exited.then(() => Promise.reject(new Error('nginx exited before it was ready')))]);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
