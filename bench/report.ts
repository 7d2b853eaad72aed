import fs from 'node:fs';
import path from 'node:path';
import type { FanoutConfig, FanoutResult } from './fanout';
import type { MemoryResult } from './memory';
import type { SelfTimeRow } from './profile';

export interface BenchResults {
  startedAt: string;
  /** loadAverage: 1-minute load when the run began; other work on the machine adds noise. */
  machine: { node: string; cpus: number; cpuModel: string; totalMemoryBytes: number; loadAverage: number };
  /** True when our server was CPU-profiled: its figures then carry the profiler's cost. */
  profiled: boolean;
  fanoutConfig: Omit<FanoutConfig, 'clients'> & { rounds: number };
  fanout: Array<{ clients: number; reference: FanoutResult; ours: FanoutResult }>;
  memory: { reference: MemoryResult; ours: MemoryResult };
  /** Top self-time functions of our server per scenario, when profiled. */
  profiles: Record<string, SelfTimeRow[]>;
}

/** One target of the issue: ours no worse than the reference. */
export interface TargetCheck {
  goal: string;
  ours: number;
  reference: number;
  unit: 'ms' | 's' | 'B';
  ratio: number;
  met: boolean;
}

export function targetChecks(results: BenchResults): TargetCheck[] {
  const check = (goal: string, ours: number, reference: number, unit: TargetCheck['unit']): TargetCheck => ({
    goal,
    ours,
    reference,
    unit,
    ratio: ours / reference,
    met: ours <= reference,
  });
  const { ours: mo, reference: mr } = results.memory;
  return [
    ...results.fanout.flatMap(({ clients, ours, reference }) => [
      check(`p99 fan-out latency, ${clients} clients`, ours.p99Ms, reference.p99Ms, 'ms'),
      check(`server CPU, fan-out ${clients} clients`, ours.cpuSeconds, reference.cpuSeconds, 's'),
    ]),
    check('RSS per open document', mo.bytesPerDocument, mr.bytesPerDocument, 'B'),
    check('live JS memory per open document', mo.liveJsBytesPerDocument, mr.liveJsBytesPerDocument, 'B'),
  ];
}

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const times = (ours: number, reference: number) => `${(ours / reference).toFixed(2)}x`;
const row = (cells: Array<string | number>, widths: number[]) =>
  cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');

export function formatReport(results: BenchResults): string {
  const { fanoutConfig: f, machine: m } = results;
  const lines = [`${m.cpus} x ${m.cpuModel}, node ${m.node}, load average at start ${m.loadAverage.toFixed(2)}`];
  if (results.profiled) lines.push('NOTE: our server was CPU-profiled; its figures include the profiler cost.');

  const fw = [9, 7, 7, 8, 16, 9, 6, 14, 10, 5];
  lines.push(
    '',
    `Fan-out: ${f.writers} writers x ${f.ratePerSecond} updates/s x ${f.durationMs / 1000} s on the demo draft, ${f.rounds} rounds, median shown;`,
    'latency = send -> applied at each other client; CPU = server user+sys per round; peak = sampled server RSS',
    row(['server', 'clients', 'p50 ms', 'p99 ms', 'p99 by round', 'delivered', 'CPU s', 'CPU by round', 'peak RSS', 'drops'], fw),
  );
  for (const { clients, reference, ours } of results.fanout) {
    for (const [name, r] of [['reference', reference], ['ours', ours]] as const) {
      lines.push(
        row(
          [
            name,
            clients,
            r.p50Ms.toFixed(2),
            r.p99Ms.toFixed(2),
            r.p99ByRoundMs.map((v) => v.toFixed(1)).join('/'),
            `${(r.delivered * 100).toFixed(2)}%`,
            r.cpuSeconds.toFixed(2),
            r.cpuSecondsByRound.map((v) => v.toFixed(2)).join('/'),
            mib(r.peakRssBytes),
            r.disconnects,
          ],
          fw,
        ),
      );
    }
    const ratios = ['ours/ref', clients, times(ours.p50Ms, reference.p50Ms), times(ours.p99Ms, reference.p99Ms)];
    lines.push(row([...ratios, '', '', times(ours.cpuSeconds, reference.cpuSeconds), '', times(ours.peakRssBytes, reference.peakRssBytes), ''], fw));
  }

  const mw = [9, 9, 10, 10, 10, 13, 13, 5];
  const { reference: mr, ours: mo } = results.memory;
  lines.push(
    '',
    `Memory per open document: ${mo.documents} drafts with the template text, one connection each; readings after a forced full GC`,
    row(['server', 'documents', 'RSS before', 'RSS after', 'open CPU s', 'RSS B/doc', 'live JS B/doc', 'drops'], mw),
  );
  for (const [name, r] of [['reference', mr], ['ours', mo]] as const) {
    const perDoc = [Math.round(r.bytesPerDocument), Math.round(r.liveJsBytesPerDocument), r.disconnects];
    lines.push(row([name, r.documents, mib(r.rssBeforeBytes), mib(r.rssAfterBytes), r.openCpuSeconds.toFixed(2), ...perDoc], mw));
  }
  const memoryRatios = [times(mo.openCpuSeconds, mr.openCpuSeconds), times(mo.bytesPerDocument, mr.bytesPerDocument)];
  lines.push(row(['ours/ref', '', '', '', ...memoryRatios, times(mo.liveJsBytesPerDocument, mr.liveJsBytesPerDocument), ''], mw));

  lines.push('', 'Targets (ours <= reference, with auth and durable persistence on)');
  for (const t of targetChecks(results)) {
    const figures = `ours ${format(t.ours, t.unit)} vs reference ${format(t.reference, t.unit)}`;
    lines.push(`  ${t.met ? 'MET    ' : 'NOT MET'}  ${t.goal.padEnd(34)} ${t.ratio.toFixed(2)}x  (${figures})`);
  }

  for (const [scenario, rows] of Object.entries(results.profiles)) {
    lines.push('', `Our server, top self time in the measured window (${scenario})`);
    for (const r of rows) lines.push(`  ${r.selfMs.toFixed(0).padStart(6)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.fn}  ${r.where}`);
  }
  return lines.join('\n');
}

function format(value: number, unit: TargetCheck['unit']): string {
  return unit === 'B' ? `${Math.round(value)} B` : `${value.toFixed(2)} ${unit}`;
}

export function writeJson(results: BenchResults, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...results, targets: targetChecks(results) }, null, 2)}\n`);
}
