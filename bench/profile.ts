import path from 'node:path';

/** The parts of a V8 CPU profile (DevTools protocol Profiler.stop) that self time needs. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimeRow {
  selfMs: number;
  /** Share of the sampled non-idle time. */
  share: number;
  fn: string;
  where: string;
}

const ROOT = path.resolve(__dirname, '..');

/**
 * Functions by self time (on top of the stack), as DevTools' bottom-up view. Samples are
 * wall-clock: a synchronous fsync shows as time in its caller though the CPU is idle.
 */
export function topSelfTime(profile: CpuProfile, limit: number): SelfTimeRow[] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const rows = new Map<string, { us: number; fn: string; where: string }>();
  let totalUs = 0;
  profile.samples.forEach((nodeId, i) => {
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[i + 1] ?? 0;
    const frame = frames.get(nodeId)!;
    if (frame.functionName === '(idle)') return;
    const where = frame.url ? `${frame.url.replace(`file://${ROOT}/`, '')}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName}@${where}`;
    const row = rows.get(key) ?? { us: 0, fn: frame.functionName || '(anonymous)', where };
    row.us += us;
    totalUs += us;
    rows.set(key, row);
  });
  return [...rows.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, limit)
    .map((row) => ({ selfMs: row.us / 1000, share: row.us / totalUs, fn: row.fn, where: row.where }));
}
