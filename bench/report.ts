import fs from 'node:fs';
import path from 'node:path';
import type { FanoutConfig, FanoutResult } from './fanout';
import type { MemoryResult } from './memory';
import type { SelfTimeRow } from './profile';
import type { RoomsConfig, RoomsResult } from './rooms';

export interface BenchResults {
  startedAt: string;
  /** loadAverage: 1-minute load when the run began; other work on the machine adds noise. */
  machine: { node: string; cpus: number; cpuModel: string; totalMemoryBytes: number; loadAverage: number };
  /** True when our server was CPU-profiled: its figures then carry the profiler's cost. */
  profiled: boolean;
  fanoutConfig: Omit<FanoutConfig, 'clients'> & { rounds: number };
  fanout: Array<{ clients: number; reference: FanoutResult; ours: FanoutResult }>;
  /** Null when the scenario was left out (`--only`). */
  /** oursAsBrowser: each draft read first as the web client does (GET /paragraphs), then opened. */
  memory: { reference: MemoryResult; ours: MemoryResult; oursAsBrowser: MemoryResult } | null;
  rooms: { config: RoomsConfig; reference: RoomsResult; ours: RoomsResult } | null;
  /** Top self-time functions of our server per scenario, when profiled. */
  profiles: Record<string, SelfTimeRow[]>;
}

/** One target of issue 13: ours at most `factor` times the reference. */
export interface TargetCheck {
  goal: string;
  ours: number;
  reference: number;
  unit: 'ms' | 's' | 'B';
  factor: number;
  ratio: number;
  met: boolean;
}

/** Issue 13's targets, as ours ÷ reference. */
const CPU_FACTOR = 0.6;
const P99_FACTOR = 0.8;
const MEMORY_FACTOR = 0.5;

export function targetChecks(results: BenchResults): TargetCheck[] {
  const check = (goal: string, ours: number, reference: number, unit: TargetCheck['unit'], factor: number): TargetCheck => ({
    goal,
    ours,
    reference,
    unit,
    factor,
    ratio: ours / reference,
    met: ours <= reference * factor,
  });
  const memory = results.memory;
  return [
    ...results.fanout.flatMap(({ clients, ours, reference }) => [
      check(`p99 fan-out latency, ${clients} clients`, ours.p99Ms, reference.p99Ms, 'ms', P99_FACTOR),
      check(`server CPU, fan-out ${clients} clients`, ours.cpuSeconds, reference.cpuSeconds, 's', CPU_FACTOR),
    ]),
    ...(memory
      ? [
          check('RSS per open document', memory.ours.bytesPerDocument, memory.reference.bytesPerDocument, 'B', MEMORY_FACTOR),
          check('live JS memory per open document', memory.ours.liveJsBytesPerDocument, memory.reference.liveJsBytesPerDocument, 'B', MEMORY_FACTOR),
        ]
      : []),
  ];
}

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const times = (ours: number, reference: number) => `${(ours / reference).toFixed(2)}x`;
const row = (cells: Array<string | number>, widths: number[]) =>
  cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');

export function formatReport(results: BenchResults): string {
  const { machine: m } = results;
  const lines = [`${m.cpus} x ${m.cpuModel}, node ${m.node}, load average at start ${m.loadAverage.toFixed(2)}`];
  if (results.profiled) lines.push('NOTE: our server was CPU-profiled; its figures include the profiler cost.');

  if (results.fanout.length > 0) lines.push('', ...formatFanout(results));
  if (results.memory) lines.push('', ...formatMemory(results.memory));
  if (results.rooms) lines.push('', ...formatRooms(results.rooms));

  lines.push('', 'Targets of issue 13 (ours <= factor x reference, with auth and durable persistence on)');
  for (const t of targetChecks(results)) {
    const figures = `ours ${format(t.ours, t.unit)} vs reference ${format(t.reference, t.unit)}`;
    lines.push(`  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.goal.padEnd(34)} ${t.ratio.toFixed(2)}x <= ${t.factor}x  (${figures})`);
  }

  for (const [scenario, rows] of Object.entries(results.profiles)) {
    lines.push('', `Our server, top self time in the measured window (${scenario})`);
    for (const r of rows) lines.push(`  ${r.selfMs.toFixed(0).padStart(6)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.fn}  ${r.where}`);
  }
  return lines.join('\n');
}

function formatFanout({ fanoutConfig: f, fanout }: BenchResults): string[] {
  const fw = [9, 7, 7, 8, 16, 9, 6, 14, 9, 10, 5];
  const lines = [
    `Fan-out: ${f.writers} writers x ${f.ratePerSecond} updates/s x ${f.durationMs / 1000} s on the demo draft, ${f.rounds} rounds, median shown;`,
    'latency = send -> applied at each other client; CPU = server user+sys per round; writes/dl = server write syscalls per delivery; peak = sampled server RSS',
    fanoutHeader('server', fw),
  ];
  for (const { clients, reference, ours } of fanout) {
    for (const [name, r] of [['reference', reference], ['ours', ours]] as const) {
      lines.push(fanoutRow(name, r, fw));
    }
    const ratios = ['ours/ref', clients, times(ours.p50Ms, reference.p50Ms), times(ours.p99Ms, reference.p99Ms)];
    lines.push(row([...ratios, '', '', times(ours.cpuSeconds, reference.cpuSeconds), '', times(ours.writesPerDelivery, reference.writesPerDelivery), times(ours.peakRssBytes, reference.peakRssBytes), ''], fw));
  }

  return lines;
}

/** The columns of fanoutRow(), the first one named `first`. */
export function fanoutHeader(first: string, widths: number[]): string {
  return row([first, 'clients', 'p50 ms', 'p99 ms', 'p99 by round', 'delivered', 'CPU s', 'CPU by round', 'writes/dl', 'peak RSS', 'drops'], widths);
}

export function fanoutRow(name: string, r: FanoutResult, widths: number[]): string {
  return row(
    [
      name,
      r.clients,
      r.p50Ms.toFixed(2),
      r.p99Ms.toFixed(2),
      r.p99ByRoundMs.map((v) => v.toFixed(1)).join('/'),
      `${(r.delivered * 100).toFixed(2)}%`,
      r.cpuSeconds.toFixed(2),
      r.cpuSecondsByRound.map((v) => v.toFixed(2)).join('/'),
      r.writesPerDelivery.toFixed(2),
      mib(r.peakRssBytes),
      r.disconnects,
    ],
    widths,
  );
}

function formatMemory({ reference: mr, ours: mo, oursAsBrowser: mb }: NonNullable<BenchResults['memory']>): string[] {
  const mw = [13, 9, 10, 10, 10, 13, 13, 5];
  const lines = [
    `Memory per open document: ${mo.documents} drafts with the template text, one connection each; readings after a forced full GC`,
    row(['server', 'documents', 'RSS before', 'RSS after', 'open CPU s', 'RSS B/doc', 'live JS B/doc', 'drops'], mw),
  ];
  for (const [name, r] of [['reference', mr], ['ours', mo], ['ours, browser', mb]] as const) {
    const perDoc = [Math.round(r.bytesPerDocument), Math.round(r.liveJsBytesPerDocument), r.disconnects];
    lines.push(row([name, r.documents, mib(r.rssBeforeBytes), mib(r.rssAfterBytes), r.openCpuSeconds.toFixed(2), ...perDoc], mw));
  }
  const memoryRatios = [times(mo.openCpuSeconds, mr.openCpuSeconds), times(mo.bytesPerDocument, mr.bytesPerDocument)];
  lines.push(row(['ours/ref', '', '', '', ...memoryRatios, times(mo.liveJsBytesPerDocument, mr.liveJsBytesPerDocument), ''], mw));
  lines.push(row(['browser/ref', '', '', '', times(mb.openCpuSeconds, mr.openCpuSeconds), times(mb.bytesPerDocument, mr.bytesPerDocument), times(mb.liveJsBytesPerDocument, mr.liveJsBytesPerDocument), ''], mw));
  lines.push('ours, browser: each draft read first as the web client does (GET /paragraphs), then opened');
  return lines;
}

function formatRooms({ config: c, reference, ours }: NonNullable<BenchResults['rooms']>): string[] {
  const rw = [9, 7, 7, 8, 9, 6, 10, 10, 5];
  const lines = [
    `Rooms: ${c.drafts} drafts x ${c.clientsPerDraft} clients, ${c.writersPerDraft} typing per draft at ${c.ratePerSecond} updates/s for ${c.durationMs / 1000} s; one round`,
    row(['server', 'clients', 'p50 ms', 'p99 ms', 'delivered', 'CPU s', 'open CPU s', 'peak RSS', 'drops'], rw),
  ];
  for (const [name, r] of [['reference', reference], ['ours', ours]] as const) {
    const delivered = `${(r.delivered * 100).toFixed(2)}%`;
    lines.push(row([name, r.clients, r.p50Ms.toFixed(2), r.p99Ms.toFixed(2), delivered, r.cpuSeconds.toFixed(2), r.openCpuSeconds.toFixed(2), mib(r.peakRssBytes), r.disconnects], rw));
  }
  const ratios = [times(ours.p50Ms, reference.p50Ms), times(ours.p99Ms, reference.p99Ms), '', times(ours.cpuSeconds, reference.cpuSeconds)];
  lines.push(row(['ours/ref', '', ...ratios, times(ours.openCpuSeconds, reference.openCpuSeconds), times(ours.peakRssBytes, reference.peakRssBytes), ''], rw));
  return lines;
}

function format(value: number, unit: TargetCheck['unit']): string {
  return unit === 'B' ? `${Math.round(value)} B` : `${value.toFixed(2)} ${unit}`;
}

export function writeJson(results: BenchResults, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...results, targets: targetChecks(results) }, null, 2)}\n`);
}
