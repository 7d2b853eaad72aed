import path from 'node:path';

/** How to start a history worker thread: a file, or code to evaluate. */
export interface WorkerEntry {
  source: string;
  eval: boolean;
}

/**
 * The worker's entry for the way the server runs. From source (tsx, jest) this file is
 * CommonJS TypeScript beside historyWorker.ts, which is loaded through tsx's register hook
 * (a worker does not inherit the parent's loaders). In the production bundle
 * (dist/server/main.mjs, ESM, no __filename) the worker is its own bundle beside it
 * (`npm run build:server` builds both).
 */
export function historyWorkerEntry(): WorkerEntry {
  if (typeof __filename === 'string' && __filename.endsWith('.ts')) {
    const tsx = require.resolve('tsx/cjs/api');
    const file = path.join(__dirname, 'historyWorker.ts');
    return { source: `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, eval: true };
  }
  return { source: path.join(path.dirname(process.argv[1]), 'historyWorker.mjs'), eval: false };
}
