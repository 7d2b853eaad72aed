import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { loadDocument } from '../server/collab/loadDocument';
import { createLogger } from '../server/logger';
import { openSqliteStore } from '../server/store/sqlite/openSqliteStore';
import { buildHistory } from './historyData';
import { login } from './ourApi';
import { cpuSeconds } from './procStats';
import { hasText } from './seedContent';
import { startOurs, startReference, type ServerProcess } from './servers';
import { median } from './stats';
import { BenchClient } from './yjsClient';

/** One newcomer's open: to the state applied in its Y.Doc, to the state's arrival, and the server CPU it took. */
interface OpenTiming {
  ms: number;
  receivedMs: number;
  cpu: number;
}

/** Probes of the reference before the bench gives up waiting for it to hold the written state. */
const MAX_PROBES = 10;

/** A newcomer's opens over the rounds. */
export interface OpenFigures {
  msByRound: number[];
  /** Median over the rounds, to the state applied in the newcomer's Y.Doc. */
  ms: number;
  /** Median over the rounds, to the server's full state arriving (the newcomer's own apply left out). */
  receivedMs: number;
  /** Server CPU of the open, median over the rounds. */
  cpuSeconds: number;
}

export interface ColdOpenCase extends OpenFigures {
  /** Whether the log ends with a snapshot (as the server takes one every SNAPSHOT_EVERY updates) or all of it is replayed. */
  snapshot: boolean;
}

export interface ColdOpenResult {
  updates: number;
  buildSeconds: number;
  cases: ColdOpenCase[];
  /** The same document from the reference, warm (the snapshot case's state written into it by a client). */
  reference: OpenFigures | null;
}

/**
 * Issue 13's cold open: a draft with `updates` logged updates, opened by the first client of a
 * fresh server process. The time runs from the websocket's creation to the newcomer's full
 * sync (sync step 2 applied), so it covers the upgrade, the token check, the load from SQLite
 * and the state encoding. Each round copies the store into a fresh folder for a fresh process
 * (the files stay in the OS page cache: this is a cold process, not a cold disk). The reference
 * keeps documents in memory and has nothing to load: it is measured warm, serving the same state
 * to a newcomer after a client wrote it there.
 */
export async function runColdOpen(updates: number, rounds: number): Promise<ColdOpenResult> {
  const cases: ColdOpenCase[] = [];
  let reference: OpenFigures | null = null;
  let buildSeconds = 0;
  for (const snapshot of [true, false]) {
    const source = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-cold-'));
    try {
      const built = performance.now();
      const draftId = await buildHistory(source, { updates, versions: 1, snapshot });
      buildSeconds += (performance.now() - built) / 1000;
      const timings: OpenTiming[] = [];
      for (let round = 0; round < rounds; round++) timings.push(await openOnce(source, draftId));
      cases.push({ snapshot, ...summary(timings) });
      if (snapshot) {
        const state = await stateOf(source, draftId);
        const warm: OpenTiming[] = [];
        for (let round = 0; round < rounds; round++) warm.push(await referenceWarmOnce(state));
        reference = summary(warm);
      }
    } finally {
      fs.rmSync(source, { recursive: true, force: true });
    }
  }
  return { updates, buildSeconds, cases, reference };
}

function summary(timings: OpenTiming[]): OpenFigures {
  const msByRound = timings.map((t) => t.ms);
  return { msByRound, ms: median(msByRound), receivedMs: median(timings.map((t) => t.receivedMs)), cpuSeconds: median(timings.map((t) => t.cpu)) };
}

/** The draft's whole state, as our server would serve it. */
async function stateOf(dataDir: string, draftId: string): Promise<Uint8Array> {
  const store = await openSqliteStore(dataDir);
  try {
    const { doc } = await loadDocument(store.documents, draftId, createLogger('silent'));
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return state;
  } finally {
    await store.close();
  }
}

/**
 * A client writes the state into a fresh reference server; probes sync until one finds all of it
 * there (the reference applies each update as it arrives); then a newcomer is timed.
 */
async function referenceWarmOnce(state: Uint8Array): Promise<OpenTiming> {
  const server = await startReference();
  const url = `${server.url.replace('http', 'ws')}/cold-open`;
  const expected = Y.encodeStateVectorFromUpdate(state);
  try {
    const writer = new BenchClient(url);
    try {
      await writer.synced;
      writer.apply(state);
      await untilHeld(url, expected);
    } finally {
      writer.close();
    }
    return await timeNewcomer(server, url);
  } finally {
    await server.stop();
  }
}

async function untilHeld(url: string, expected: Uint8Array): Promise<void> {
  for (let probe = 0; probe < MAX_PROBES; probe++) {
    const client = new BenchClient(url);
    try {
      await client.synced;
      if (Buffer.from(Y.encodeStateVector(client.doc)).equals(expected)) return;
    } finally {
      client.close();
    }
  }
  throw new Error('the reference never held the written state');
}

async function timeNewcomer(server: ServerProcess, url: string): Promise<OpenTiming> {
  const cpuBefore = cpuSeconds(server.pid);
  const started = performance.now();
  const client = new BenchClient(url);
  try {
    await client.synced;
    const ms = performance.now() - started;
    if (!hasText(client.doc)) throw new Error('the newcomer synced a draft without text');
    return { ms, receivedMs: client.stepTwoReceivedAt! - started, cpu: cpuSeconds(server.pid) - cpuBefore };
  } finally {
    client.close();
  }
}

async function openOnce(source: string, draftId: string): Promise<OpenTiming> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolutions-cold-run-'));
  fs.cpSync(source, dataDir, { recursive: true });
  const server = await startOurs(dataDir);
  try {
    // Signing in is not part of opening a draft: a delegate has a token already.
    const token = await login(server.url, 'usa');
    return await timeNewcomer(server, `${server.url.replace('http', 'ws')}/yjs/${draftId}?token=${token}`);
  } finally {
    await server.stop();
  }
}

export function formatColdOpen(result: ColdOpenResult): string {
  const line = (label: string, c: OpenFigures, target: string) =>
    `  ${label.padEnd(32)} ${c.ms.toFixed(0).padStart(6)} ms applied, ${c.receivedMs.toFixed(0).padStart(5)} ms received  (by round ${c.msByRound.map((v) => v.toFixed(0)).join('/')} ms; server CPU ${c.cpuSeconds.toFixed(2)} s)${target}`;
  const met = (ms: number) => `  target < 100 ms: ${ms < 100 ? 'MET' : 'NOT MET'}`;
  return [
    `Cold open: a draft with ${result.updates.toLocaleString('en')} logged updates, first client of a fresh process, to full sync (built in ${result.buildSeconds.toFixed(1)} s)`,
    `  "received": the server's whole answer has arrived; "applied": the newcomer's own Y.applyUpdate of it is done too`,
    ...result.cases.map((c) => line(`ours, ${c.snapshot ? 'snapshot at the end' : 'no snapshot, whole log'}`, c, `${met(c.receivedMs)} (received), ${met(c.ms).trim()} (applied)`)),
    ...(result.reference ? [line('reference, warm (in memory)', result.reference, '')] : []),
  ].join('\n');
}
