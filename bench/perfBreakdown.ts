/**
 * Where a real server process spends its CPU in the fan-out scenario, part by part, from Linux
 * `perf` samples (`npx tsx bench/perfBreakdown.ts`, see bench/README.md). Unlike a V8 profile,
 * perf samples only while a thread runs, so a commit blocked in fsync counts for the CPU the
 * kernel spent, not for the time it waited; and it sees the kernel and native code (SQLite).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runFanout } from './fanout';
import { startOurs, startReference } from './servers';
import { oursTarget, referenceTarget, type Target } from './targets';

const { values: args } = parseArgs({
  options: {
    server: { type: 'string', default: 'ours' },
    clients: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    /** Keep the recording here (one file per server: `<path>.ours`, `<path>.reference`) for `perf report`. */
    keep: { type: 'string' },
  },
});

/** The parts of our pipeline, by the frames on a sample's stack; the first that matches wins. */
const PARTS: Array<[string, RegExp]> = [
  ['store commit (SQLite, fsync, metrics)', /better_sqlite3|sqliteTransaction|JS:[~^*+]?append \S*main\.mjs/],
  ['checks (decode, validate, schema, locks, ids)', /JS:[~^*+]?(validateUpdate|assertUpdateFitsSchema|lockedRegionsChangedBy|lockedRegionsTouched|ClientUpdate|claim|updateNeeds) /],
  ['onDocUpdate (enqueue, durable ack)', /JS:[~^*+]?onDocUpdate /],
  ['Y.applyUpdate', /JS:[~^*+]?integrate /],
  ['socket sends', /JS:[~^*+]?send \S*main\.mjs|writev/],
  // The broadcast by its name (it runs in a promise job, with no caller of ours on the stack), and other jobs.
  ['after commit (broadcast, promise jobs)', /JS:[~^*+]?sendPending |runMicrotask|processTicksAndRejections/],
  ['persistence queue turn', /processImmediate/],
  ['frame receive (ws, session, parse)', /socketOnData|onStreamRead/],
];
const OTHER = 'other (event loop, timers, GC)';

interface Breakdown {
  /** CPU ms by part, on the main thread. */
  mainMs: Map<string, number>;
  /** CPU ms of V8's helper threads (optimising compiler, GC) and libuv's pool. */
  otherThreadsMs: number;
}

/** Reads `perf script` output: one block per sample, a header line then its stack, innermost first. */
function breakdown(script: string, mainTid: number): Breakdown {
  const mainMs = new Map<string, number>([...PARTS.map(([name]): [string, number] => [name, 0]), [OTHER, 0]]);
  let otherThreadsMs = 0;
  for (const block of script.split('\n\n')) {
    const [header, ...frames] = block.trim().split('\n');
    const fields = /^\S+\s+(\d+)\s+[\d.]+:\s+(\d+)\s/.exec(header ?? '');
    if (!fields) continue;
    const ms = Number(fields[2]) / 1e6;
    if (Number(fields[1]) !== mainTid) {
      otherThreadsMs += ms;
      continue;
    }
    const stack = frames.join('\n');
    const part = PARTS.find(([, pattern]) => pattern.test(stack))?.[0] ?? OTHER;
    mainMs.set(part, mainMs.get(part)! + ms);
  }
  return { mainMs, otherThreadsMs };
}

async function measure(name: 'ours' | 'reference'): Promise<void> {
  // JS frames get names from the map file V8 writes with --perf-basic-prof.
  const target: Target =
    name === 'ours'
      ? await oursTarget(await startOurs(undefined, { env: { NODE_OPTIONS: '--perf-basic-prof' } }), false)
      : referenceTarget(await startReference(['--perf-basic-prof']), false);
  const output = args.keep ? `${args.keep}.${name}` : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-breakdown-')), 'perf.data');
  try {
    const perf = spawn('perf', ['record', '-F', '2000', '-g', '-p', String(target.server.pid), '-o', output], { stdio: 'ignore' });
    const recording = new Promise((resolve) => perf.once('exit', resolve));
    const writes = 4 * 25 * Number(args.seconds);
    const round = await runFanout(target, {
      clients: Number(args.clients),
      writers: 4,
      ratePerSecond: 25,
      durationMs: Number(args.seconds) * 1000,
      drainTimeoutMs: 5_000,
    });
    perf.kill('SIGINT');
    await recording;
    const { mainMs, otherThreadsMs } = breakdown(execFileSync('perf', ['script', '-i', output], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).toString(), target.server.pid);
    const mainTotal = [...mainMs.values()].reduce((a, b) => a + b, 0);
    console.log(`${name}, ${args.clients} clients, ${writes} writes (perf also covers the clients joining); /proc CPU in the write window ${round.cpuSeconds.toFixed(2)} s`);
    console.log(`  main thread ${mainTotal.toFixed(0)} ms, other threads ${otherThreadsMs.toFixed(0)} ms`);
    if (name === 'ours') {
      for (const [part, ms] of [...mainMs].sort((a, b) => b[1] - a[1])) {
        console.log(`  ${part.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms  ${((ms * 1000) / writes).toFixed(0).padStart(5)} µs/update`);
      }
    }
  } finally {
    await target.server.stop();
    if (!args.keep) fs.rmSync(path.dirname(output), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const servers = args.server === 'both' ? (['ours', 'reference'] as const) : [args.server as 'ours' | 'reference'];
  for (const name of servers) await measure(name);
}

void main();
