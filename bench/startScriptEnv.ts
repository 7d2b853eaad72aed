import fs from 'node:fs';
import path from 'node:path';

/**
 * The variables `npm start` sets in front of `node` (package.json's start script, such as
 * `MALLOC_MMAP_THRESHOLD_=1048576 node ...`), so the bench runs our server as `npm start` does.
 */
export function startScriptEnv(root: string): Record<string, string> {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const prefix = scripts.start.slice(0, scripts.start.indexOf('node '));
  return Object.fromEntries(prefix.split(/\s+/).filter(Boolean).map((assignment) => assignment.split('=') as [string, string]));
}
