import type * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT } from '../shared/schema';
import { openClients } from './openClients';
import type { CpuProfile } from './profile';
import { median, percentile } from './stats';
import type { Target } from './targets';
import { sleep, until } from './wait';
import { openWindow } from './window';
import type { BenchClient } from './yjsClient';

export interface FanoutConfig {
  clients: number;
  /** The first `writers` clients write; every client (writers too) receives the others' writes. */
  writers: number;
  ratePerSecond: number;
  durationMs: number;
  /** How long to wait after the last write for deliveries still in flight. */
  drainTimeoutMs: number;
}

/** One run against one fresh server. */
export interface FanoutRound {
  expected: number;
  /** Send-to-apply latency of every delivery, in ms. */
  latencies: number[];
  /** Server CPU (user + system) from the first write to the end of the drain. */
  cpuSeconds: number;
  /** Server write system calls in the same window. */
  writeSyscalls: number;
  peakRssBytes: number;
  vmHwmBytes: number;
  /** Clients whose socket the server closed during the run. */
  disconnects: number;
  profile: CpuProfile | null;
}

/**
 * The rounds of one server together. Percentiles and CPU are the median of the rounds, so
 * that one round disturbed by other work on the machine does not decide the figure.
 */
export interface FanoutResult {
  clients: number;
  rounds: number;
  expected: number;
  received: number;
  delivered: number;
  p50Ms: number;
  p99Ms: number;
  p99ByRoundMs: number[];
  cpuSeconds: number;
  cpuSecondsByRound: number[];
  /** Server write system calls per delivery, median of the rounds (1 = one socket write per update per receiver). */
  writesPerDelivery: number;
  peakRssBytes: number;
  vmHwmBytes: number;
  disconnects: number;
}

/**
 * Writes land as text, as delegates type (the server refuses anything outside the draft's
 * schema): each writer appends tokens "#writer:seq" to an operative paragraph of its own.
 */
const TOKEN = /#\d+:\d+/g;

/**
 * Everyone on the demo draft, a few writing at a steady rate. Each write's send time is kept by
 * token (performance.now(): clients share this process, hence one clock); each receiving
 * client records the latency when the update is applied to its Y.Doc.
 */
export async function runFanout(target: Target, config: FanoutConfig): Promise<FanoutRound> {
  const [round] = await runFanoutAcross([target], () => 0, config);
  return round;
}

/**
 * The fan-out over several instances of one store: client `i` connects to `targets[placeOf(i)]`
 * (the writers are clients 0 to writers - 1). One round per target: the deliveries to its own
 * clients and what that server spent in the same window.
 */
export async function runFanoutAcross(
  targets: readonly Target[],
  placeOf: (client: number) => number,
  config: FanoutConfig,
): Promise<FanoutRound[]> {
  const docId = await targets[0].demoDoc();
  const placed = { clientUrl: (id: string, i: number) => targets[placeOf(i)].clientUrl(id, i) };
  const clients = await openClients(placed, Array.from({ length: config.clients }, () => ({ id: docId, seed: null })));
  try {
    const latencies = targets.map((): number[] => []);
    const sentAt = new Map<string, number>();
    clients.forEach((client, i) => recordLatencies(client, sentAt, latencies[placeOf(i)]));
    const perWriter = Math.round((config.ratePerSecond * config.durationMs) / 1000);
    // Every client receives every write but its own.
    const expected = targets.map(() => 0);
    clients.forEach((_, i) => (expected[placeOf(i)] += perWriter * (config.writers - (i < config.writers ? 1 : 0))));

    const windows = await Promise.all(targets.map((target) => openWindow(target.server, target.profile)));
    const intervalMs = 1000 / config.ratePerSecond;
    const start = performance.now();
    // Writers are staggered across the interval, as people do not type in lockstep.
    const writes = clients
      .slice(0, config.writers)
      .map((client, w) => writeTokens(client, w, sentAt, start + (w * intervalMs) / config.writers, intervalMs, perWriter));
    await Promise.all(writes);
    await until(() => latencies.every((received, side) => received.length >= expected[side]), config.drainTimeoutMs);
    const figures = await Promise.all(windows.map((window) => window.close()));

    return targets.map((_, side) => ({
      expected: expected[side],
      latencies: latencies[side],
      disconnects: clients.filter((client, i) => placeOf(i) === side && client.closedBy !== null).length,
      ...figures[side],
    }));
  } finally {
    clients.forEach((client) => client.close());
  }
}

export function combineRounds(clients: number, rounds: FanoutRound[]): FanoutResult {
  const sum = (f: (r: FanoutRound) => number) => rounds.reduce((total, r) => total + f(r), 0);
  const expected = sum((r) => r.expected);
  const received = sum((r) => r.latencies.length);
  const p99ByRoundMs = rounds.map((r) => percentile(r.latencies, 99));
  const cpuSecondsByRound = rounds.map((r) => r.cpuSeconds);
  return {
    clients,
    rounds: rounds.length,
    expected,
    received,
    delivered: received / expected,
    p50Ms: median(rounds.map((r) => percentile(r.latencies, 50))),
    p99Ms: median(p99ByRoundMs),
    p99ByRoundMs,
    cpuSeconds: median(cpuSecondsByRound),
    cpuSecondsByRound,
    writesPerDelivery: median(rounds.map((r) => r.writeSyscalls / r.latencies.length)),
    peakRssBytes: Math.max(...rounds.map((r) => r.peakRssBytes)),
    vmHwmBytes: Math.max(...rounds.map((r) => r.vmHwmBytes)),
    disconnects: sum((r) => r.disconnects),
  };
}

/** Records, for every token another client wrote, the time from its send to its arrival here. */
export function recordLatencies(client: BenchClient, sentAt: ReadonlyMap<string, number>, latencies: number[]): void {
  client.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).observeDeep((events, transaction) => {
    if (transaction.local) return;
    const now = performance.now();
    for (const event of events) {
      for (const change of event.delta) {
        if (typeof change.insert !== 'string') continue;
        for (const token of change.insert.match(TOKEN) ?? []) latencies.push(now - sentAt.get(token)!);
      }
    }
  });
}

/** The text of the operative paragraph writer `writer` appends to. */
export function writerText(doc: Y.Doc, writer: number): Y.XmlText {
  const operative = doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(4) as Y.XmlElement;
  return (operative.get(writer % operative.length) as Y.XmlElement).get(0) as Y.XmlText;
}

/**
 * `count` writes of tokens "#writer:seq" at a steady rate from `firstAt`, their send times kept
 * in `sentAt`. `writer` must be unique among the writers whose tokens one client may receive.
 */
export async function writeTokens(
  client: BenchClient,
  writer: number,
  sentAt: Map<string, number>,
  firstAt: number,
  intervalMs: number,
  count: number,
): Promise<void> {
  const text = writerText(client.doc, writer);
  for (let seq = 0; seq < count; seq++) {
    // Scheduled against the start, not the previous write, so a slow loop does not lower the rate.
    await sleep(Math.max(0, firstAt + seq * intervalMs - performance.now()));
    const token = `#${writer}:${seq}`;
    sentAt.set(token, performance.now());
    text.insert(text.length, ` ${token}`);
  }
}
