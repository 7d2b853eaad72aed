import path from 'node:path';

/** How to start a worker thread: a file, or code to evaluate. */
export interface WorkerEntry {
  source: string;
  eval: boolean;
}

/**
 * The entry of a worker thread for the way the server runs. From source (tsx, jest) it is the
 * TypeScript file `<modulePath>.ts` under server/, loaded through tsx's register hook (a worker
 * does not inherit the parent's loaders). In the production bundle (dist/server/main.mjs, ESM,
 * no __filename) the worker is its own bundle beside it, named after the file
 * (`npm run build:server` builds each).
 */
export function workerEntry(modulePath: string): WorkerEntry {
  if (typeof __filename === 'string' && __filename.endsWith('.ts')) {
    const tsx = require.resolve('tsx/cjs/api');
    const file = path.join(__dirname, `${modulePath}.ts`);
    return { source: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, eval: true };
  }
  return { source: path.join(path.dirname(process.argv[1]), `${path.basename(modulePath)}.mjs`), eval: false };
}
