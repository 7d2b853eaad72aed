// Builds the client (vite build) when client/dist/index.html is missing or older
// than any source file in client/ or shared/, so `npm start` always serves the
// current client without rebuilding on every start. Runs that overlap (test
// suites in parallel workers) take turns through a lock, so one never empties
// client/dist under another.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'client', 'dist', 'index.html');
const dist = path.join(root, 'client', 'dist');
const lock = path.join(os.tmpdir(), `build-client-${createHash('sha1').update(root).digest('hex').slice(0, 12)}.lock`);
const LOCK_WAIT_MS = 180_000;
/** A lock older than this was left by a build that died; it is taken over. */
const STALE_LOCK_MS = 600_000;

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Build output and tool caches (Vite's .vite-temp in client/node_modules) are not sources.
    if (full === dist || entry.name === 'node_modules') continue;
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function isStale() {
  return mtime(output) < Math.max(newest(path.join(root, 'client')), newest(path.join(root, 'shared')));
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** mkdir is atomic: whoever creates the directory holds the lock. */
function acquireLock() {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (Date.now() - mtime(lock) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for another client build (${lock})`);
      else sleep(200);
    }
  }
}

if (!isStale()) {
  console.log('client/dist is up to date.');
  process.exit(0);
}
acquireLock();
let status = 0;
try {
  // Another run may have built it while this one waited for the lock.
  if (isStale()) {
    console.log('Building the client (client/dist is missing or older than its sources)…');
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(root, 'client', 'vite.config.ts')], {
      cwd: root,
      stdio: 'inherit',
      // A production build even when started from a test runner (jest sets NODE_ENV=test).
      env: { ...process.env, NODE_ENV: 'production' },
    });
    status = result.status ?? 1;
  }
} finally {
  rmSync(lock, { recursive: true, force: true });
}
process.exit(status);
