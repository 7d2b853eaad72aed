// Builds the client (vite build) when client/dist/index.html is missing or older
// than any source file in client/ or shared/, so `npm start` always serves the
// current client without rebuilding on every start.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'client', 'dist', 'index.html');
const skip = new Set([path.join(root, 'client', 'dist'), path.join(root, 'node_modules')]);

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
    if (skip.has(full)) continue;
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function builtAt() {
  try {
    return statSync(output).mtimeMs;
  } catch {
    return -1;
  }
}

const sources = Math.max(newest(path.join(root, 'client')), newest(path.join(root, 'shared')));
if (builtAt() >= sources) {
  console.log('client/dist is up to date.');
} else {
  console.log('Building the client (client/dist is missing or older than its sources)…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(root, 'client', 'vite.config.ts')], {
    cwd: root,
    stdio: 'inherit',
    // A production build even when started from a test runner (jest sets NODE_ENV=test).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  process.exit(result.status ?? 1);
}
