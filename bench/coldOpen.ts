import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHistory } from './historyData';
import { login } from './ourApi';
import { cpuSeconds } from './procStats';
import { hasText } from './seedContent';
import { startOurs } from './servers';
import { median } from './stats';
import { BenchClient } from './yjsClient';

export interface ColdOpenCase {
  /** Whether the log ends with a snapshot (as the server takes one every SNAPSHOT_EVERY updates) or all of it is replayed. */
  snapshot: boolean;
  msByRound: number[];
  /** Median over the rounds, to the state applied in the newcomer's Y.Doc. */
  ms: number;
  /** Median over the rounds, to the server's full state arriving (the newcomer's own apply left out). */
  receivedMs: number;
  /** Server CPU of the open, median over the rounds. */
  cpuSeconds: number;
}

export interface ColdOpenResult {
  updates: number;
  buildSeconds: number;
  cases: ColdOpenCase[];
}

/**
 * Issue 13's cold open: a draft with `updates` logged updates, opened by the first client of a
 * fresh server process. The time runs from the websocket's creation to the newcomer's full
 * sync (sync step 2 applied), so it covers the upgrade, the token check, the load from SQLite
 * and the state encoding. Each round copies the store into a fresh folder for a fresh process
 * (the files stay in the OS page cache: this is a cold process, not a cold disk). Our server
 * only: the reference keeps documents in memory and has nothing to load.
 */
export async function runColdOpen(updates: number, rounds: number): Promise<ColdOpenResult> {
  const cases: ColdOpenCase[] = [];
  let buildSeconds = 0;
  for (const snapshot of [true, false]) {
    const source = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-cold-'));
    try {
      const built = performance.now();
      const draftId = await buildHistory(source, { updates, versions: 1, snapshot });
      buildSeconds += (performance.now() - built) / 1000;
      const timings: Array<{ ms: number; receivedMs: number; cpu: number }> = [];
      for (let round = 0; round < rounds; round++) timings.push(await openOnce(source, draftId));
      const msByRound = timings.map((t) => t.ms);
      const receivedMs = median(timings.map((t) => t.receivedMs));
      cases.push({ snapshot, msByRound, ms: median(msByRound), receivedMs, cpuSeconds: median(timings.map((t) => t.cpu)) });
    } finally {
      fs.rmSync(source, { recursive: true, force: true });
    }
  }
  return { updates, buildSeconds, cases };
}

async function openOnce(source: string, draftId: string): Promise<{ ms: number; receivedMs: number; cpu: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-cold-run-'));
  fs.cpSync(source, dataDir, { recursive: true });
  const server = await startOurs(dataDir);
  try {
    // Signing in is not part of opening a draft: a delegate has a token already.
    const token = await login(server.url, 'usa');
    const cpuBefore = cpuSeconds(server.pid);
    const started = performance.now();
    const client = new BenchClient(`${server.url.replace('http', 'ws')}/yjs/${draftId}?token=${token}`);
    try {
      await client.synced;
      const ms = performance.now() - started;
      if (!hasText(client.doc)) throw new Error('the newcomer synced a draft without text');
      return { ms, receivedMs: client.stepTwoReceivedAt! - started, cpu: cpuSeconds(server.pid) - cpuBefore };
    } finally {
      client.close();
    }
  } finally {
    await server.stop();
  }
}

export function formatColdOpen(result: ColdOpenResult): string {
  return [
    `Cold open: a draft with ${result.updates.toLocaleString('en')} logged updates, first client of a fresh process, to full sync (our server only; built in ${result.buildSeconds.toFixed(1)} s)`,
    ...result.cases.map(
      (c) =>
        `  ${(c.snapshot ? 'snapshot at the end' : 'no snapshot, whole log').padEnd(24)} ${c.ms.toFixed(0).padStart(6)} ms  (by round ${c.msByRound.map((v) => v.toFixed(0)).join('/')} ms; state received at ${c.receivedMs.toFixed(0)} ms; server CPU ${c.cpuSeconds.toFixed(2)} s)  target < 100 ms: ${c.ms < 100 ? 'MET' : 'NOT MET'}`,
    ),
  ].join('\n');
}
