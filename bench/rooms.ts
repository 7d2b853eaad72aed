import { recordLatencies, writeTokens } from './fanout';
import { openClients } from './openClients';
import type { CpuProfile } from './profile';
import { percentile } from './stats';
import type { Target } from './targets';
import { until } from './wait';
import { openWindow } from './window';

export interface RoomsConfig {
  drafts: number;
  clientsPerDraft: number;
  /** The first `writersPerDraft` clients of each draft type; all of its clients receive. */
  writersPerDraft: number;
  /** Updates per second of each writer. */
  ratePerSecond: number;
  durationMs: number;
  drainTimeoutMs: number;
}

export interface RoomsResult {
  clients: number;
  expected: number;
  received: number;
  delivered: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU (user + system) from the first write to the end of the drain. */
  cpuSeconds: number;
  /** Server CPU to authenticate, load and sync every client. */
  openCpuSeconds: number;
  peakRssBytes: number;
  disconnects: number;
}

/**
 * A session day: many drafts open at once, each with its own small crowd, a share of them
 * typing. Every draft holds a new draft's template text; latencies are measured as in the
 * fan-out scenario, with writer numbers unique across drafts so tokens never collide.
 */
export async function runRooms(target: Target, config: RoomsConfig): Promise<{ result: RoomsResult; profile: CpuProfile | null }> {
  const drafts = await target.templateDocs(config.drafts);
  const opening = await openWindow(target.server, false);
  const clients = await openClients(target, drafts.flatMap((doc) => Array.from({ length: config.clientsPerDraft }, () => doc)));
  const { cpuSeconds: openCpuSeconds } = await opening.close();
  try {
    const latencies: number[] = [];
    const sentAt = new Map<string, number>();
    for (const client of clients) recordLatencies(client, sentAt, latencies);
    const perWriter = Math.round((config.ratePerSecond * config.durationMs) / 1000);
    const expected = config.drafts * config.writersPerDraft * perWriter * (config.clientsPerDraft - 1);
    const writers = drafts.flatMap((_, d) =>
      clients.slice(d * config.clientsPerDraft, d * config.clientsPerDraft + config.writersPerDraft),
    );

    const window = await openWindow(target.server, target.profile);
    const intervalMs = 1000 / config.ratePerSecond;
    const start = performance.now();
    // Staggered over the interval, as the fan-out writers are.
    await Promise.all(
      writers.map((client, w) => writeTokens(client, w, sentAt, start + (w * intervalMs) / writers.length, intervalMs, perWriter)),
    );
    await until(() => latencies.length >= expected, config.drainTimeoutMs);
    const { cpuSeconds, peakRssBytes, profile } = await window.close();

    const result = {
      clients: clients.length,
      expected,
      received: latencies.length,
      delivered: latencies.length / expected,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      cpuSeconds,
      openCpuSeconds,
      peakRssBytes,
      disconnects: clients.filter((client) => client.closedBy !== null).length,
    };
    return { result, profile };
  } finally {
    clients.forEach((client) => client.close());
  }
}
