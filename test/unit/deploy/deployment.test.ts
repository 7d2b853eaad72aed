import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_IMPORT_MAX_BYTES } from '../../../shared/draftImport';
import { YJS_PATH_PREFIX } from '../../../server/transport/yjsChannel';
import { startScriptEnv } from '../../../bench/startScriptEnv';

// Docker cannot run here: these read the deployment files as text and check what a broken
// deployment would get wrong, and that the files agree with each other and with the code.
const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** The lines of a YAML (or nginx) block: the line starting with `header` and every deeper-indented line after it. */
function block(text: string, header: RegExp): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => header.test(line));
  if (start < 0) throw new Error(`no block ${header}`);
  const indent = lines[start].search(/\S/);
  const end = lines.findIndex((line, i) => i > start && line.trim() !== '' && line.search(/\S/) <= indent && !line.trim().startsWith('#'));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The stages of a Dockerfile by name (`FROM image AS name`), each with its instructions. */
function stages(dockerfile: string): Map<string, string> {
  const parts = dockerfile.split(/^(?=FROM )/m).filter((part) => part.startsWith('FROM '));
  return new Map(parts.map((part) => [/^FROM \S+ AS (\S+)/.exec(part)?.[1] ?? '', part]));
}

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const byName = stages(dockerfile);
  const runtime = [...byName.values()].at(-1)!;
  const build = byName.get('build')!;
  const buildServer = JSON.parse(read('package.json')).scripts['build:server'] as string;

  it('builds in one stage with dev dependencies and native build tools, and ships a runtime stage without them', () => {
    expect([...byName.keys()]).toEqual(['build', 'runtime']);
    expect(build).toMatch(/apt-get install[^\n]*\bpython3\b[^\n]*\bmake\b[^\n]*\bg\+\+/); // better-sqlite3's addon
    expect(build).toMatch(/^RUN npm ci\b/m);
    expect(build).toMatch(/npm run build:client && npm run build:server/);
    expect(build).toMatch(/^RUN npm prune --omit=dev\b/m);
    expect(runtime).not.toMatch(/apt-get|npm (ci|install)/);
    expect(runtime.match(/^COPY --from=build \S+/gm)).toEqual([
      'COPY --from=build /app/package.json',
      'COPY --from=build /app/node_modules',
      'COPY --from=build /app/dist',
      'COPY --from=build /app/client/dist',
    ]);
  });

  it('runs the server bundle that build:server writes, as a user other than root, with its data dir writable', () => {
    expect(buildServer).toContain('server/main.ts');
    expect(buildServer).toContain('--outdir=dist/server');
    expect(buildServer).toContain('--out-extension:.js=.mjs');
    expect(runtime).toMatch(/^CMD \["node", "--enable-source-maps", "dist\/server\/main\.mjs"\]$/m);
    const users = runtime.match(/^USER (\S+)$/gm) ?? [];
    expect(users).toEqual(['USER node']);
    // USER comes after the last step that needs root, and before the command.
    expect(runtime.indexOf('USER node')).toBeGreaterThan(runtime.lastIndexOf('RUN '));
    expect(runtime).toMatch(/DATA_DIR=\/data/);
    expect(runtime).toMatch(/chown node:node \/data/);
    expect(runtime).toMatch(/HOST=0\.0\.0\.0/);
  });

  it('sets the allocator variables npm start sets, so big blocks (a login\'s 16 MiB for scrypt) go back to the system', () => {
    const startEnv = startScriptEnv(ROOT);
    expect(startEnv).toEqual({ MALLOC_MMAP_THRESHOLD_: '1048576' });
    const env = /^ENV ((?:.*\\\n)*.*)$/m.exec(runtime)?.[1] ?? '';
    for (const [name, value] of Object.entries(startEnv)) expect(env).toMatch(new RegExp(`\\b${name}=${value}\\b`));
  });

  it('checks its health on /healthz with node itself (slim images have no curl)', () => {
    const healthcheck = /^HEALTHCHECK [^\n]*\\\n\s*CMD (.+)$/m.exec(runtime)?.[1];
    expect(healthcheck).toBeDefined();
    expect(JSON.parse(healthcheck!)[0]).toBe('node');
    expect(healthcheck).toContain("'/healthz'");
    expect(healthcheck).toContain('process.env.PORT');
    expect(healthcheck).toMatch(/r\.ok \? 0 : 1/);
    expect(healthcheck).not.toMatch(/curl|wget/);
  });

  it('.dockerignore keeps host builds and secrets out, and everything the build reads in', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'client/dist', '.env', 'data', '.git']));
    for (const needed of ['package.json', 'package-lock.json', 'tsconfig.json', 'server', 'client', 'shared']) {
      expect(ignored.filter((pattern) => needed === pattern || needed.startsWith(`${pattern}/`) || pattern === '*')).toEqual([]);
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = read('docker-compose.yml');
  const services = block(compose, /^services:/);
  const service = (name: string) => block(services, new RegExp(`^  ${name}:`));
  const app = block(compose, /^x-app: &app/);

  it('runs two identical app instances, built from the Dockerfile, started once MongoDB and Redis are healthy', () => {
    expect(services.match(/^ {2}\w[\w-]*:/gm)).toEqual(['  app1:', '  app2:', '  mongo:', '  redis:', '  proxy:']);
    expect(service('app1')).toMatch(/^ {4}<<: \*app$/m);
    expect(service('app2')).toMatch(/^ {4}<<: \*app$/m);
    expect(app).toMatch(/^ {2}build: \.$/m);
    expect(block(app, /^ {2}depends_on:/)).toMatch(/mongo:\n\s+condition: service_healthy\n\s+redis:\n\s+condition: service_healthy/);
    // The second waits for the first, so two instances never seed an empty store at once.
    expect(block(service('app2'), /^ {4}depends_on:/)).toMatch(/app1:\n\s+condition: service_healthy/);
  });

  it('gives the instances what makes them one service: the shared store, Redis, and one AUTH_SECRET', () => {
    const env = block(app, /^ {2}environment:/);
    expect(env).toMatch(/^ {4}MONGODB_URL: mongodb:\/\/mongo:27017\/\?replicaSet=rs0$/m);
    expect(env).toMatch(/^ {4}REDIS_URL: redis:\/\/redis:6379$/m);
    // Required (":?"), or each instance would sign tokens with a secret of its own.
    expect(env).toMatch(/^ {4}AUTH_SECRET: \$\{AUTH_SECRET:\?[^}]+\}$/m);
    expect(env).toMatch(/^ {4}HOST: 0\.0\.0\.0$/m);
    expect(env).toMatch(/^ {4}TRUST_PROXY: "1"$/m);
  });

  it('runs MongoDB as a replica set whose name and host match the instances\' connection string, initiated by its healthcheck', () => {
    const mongo = service('mongo');
    expect(mongo).toMatch(/command: \["--replSet", "rs0", "--bind_ip_all"\]/);
    const healthcheck = block(mongo, /^ {4}healthcheck:/);
    expect(healthcheck).toContain("try { rs.status() } catch (e) { rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] }) }");
    expect(healthcheck).toContain('quit(db.hello().isWritablePrimary ? 0 : 1)');
    expect(mongo).toMatch(/- mongo-data:\/data\/db/);
  });

  it('runs Redis with append-only persistence on a volume', () => {
    const redis = service('redis');
    expect(redis).toMatch(/command: \["redis-server", "--appendonly", "yes"/);
    expect(redis).toMatch(/- redis-data:\/data/);
    expect(redis).toMatch(/redis-cli", "ping"/);
  });

  it('publishes only the proxy; the instances, MongoDB and Redis stay on the internal network', () => {
    expect(block(service('proxy'), /^ {4}ports:/)).toMatch(/- "\$\{HTTP_PORT:-8080\}:80"/);
    for (const name of ['app1', 'app2', 'mongo', 'redis']) expect(service(name)).not.toMatch(/ports:/);
    expect(app).not.toMatch(/ports:/);
    expect(service('proxy')).toMatch(/- \.\/deploy\/nginx\.conf:\/etc\/nginx\/conf\.d\/default\.conf:ro/);
  });
});

describe('deploy/nginx.conf', () => {
  const nginx = read('deploy/nginx.conf');
  const server = block(nginx, /^server \{/);
  const locations = server.match(/^ {4}location [^{]+\{[^}]*\}/gm) ?? [];
  const location = (path: string) => locations.find((l) => l.startsWith(`    location ${path} {`));

  it('balances over both instances without sticky sessions', () => {
    const upstream = block(nginx, /^upstream app \{/);
    expect(upstream.match(/^ {4}server (\S+)/gm)).toEqual(['    server app1:3000', '    server app2:3000']);
    expect(nginx).not.toMatch(/^\s*(ip_hash|hash|sticky)\b/m);
  });

  it('upgrades websockets on the Yjs path the server listens on and on socket.io, with the headers every location inherits', () => {
    expect(YJS_PATH_PREFIX).toBe('/yjs/');
    for (const path of [YJS_PATH_PREFIX, '/socket.io/']) expect(location(path)).toMatch(/proxy_pass http:\/\/app;/);
    expect(nginx).toMatch(/map \$http_upgrade \$connection_upgrade \{\s+default upgrade;/);
    expect(server).toMatch(/^ {4}proxy_http_version 1\.1;$/m);
    expect(server).toMatch(/^ {4}proxy_set_header Upgrade \$http_upgrade;$/m);
    expect(server).toMatch(/^ {4}proxy_set_header Connection \$connection_upgrade;$/m);
    expect(server).toMatch(/^ {4}proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;$/m);
    // One proxy_set_header in a location would silently drop all of the server's.
    for (const l of locations) expect(l).not.toContain('proxy_set_header');
  });

  it('keeps /metrics private and lets a draft import through', () => {
    expect(location('= /metrics')).toMatch(/return 404;/);
    const [, size] = /client_max_body_size (\d+)m;/.exec(server)!;
    expect(Number(size) * 1024 * 1024).toBeGreaterThan(DEFAULT_IMPORT_MAX_BYTES);
  });
});

describe('CI scale-out job', () => {
  const job = block(read('.github/workflows/ci.yml'), /^ {2}scale-out:/);

  it('runs the contract, integration, multi-instance and proxy suites against a MongoDB replica set, with redis-server and nginx installed', () => {
    expect(job).toMatch(/MONGODB_URL: mongodb:\/\/localhost:27017\/\?replicaSet=rs0/);
    expect(job).toMatch(/docker run -d --name mongo -p 27017:27017 mongo:7 --replSet rs0/);
    expect(job).toContain("rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'localhost:27017' }] })");
    expect(job).toMatch(/apt-get install [^\n]*redis-server nginx/);
    expect(job).toMatch(/npm run build:client/);
    // test/integration holds the multi-instance suite (test/integration/multiInstance) and the proxy suite.
    expect(job).toMatch(/run: npx jest test\/contract test\/integration$/m);
  });
});
