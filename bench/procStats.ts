import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the name.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Write system calls (write, writev, ...) the process has made so far: one per socket frame sent, plus the store's. */
export function writeSyscalls(pid: number): number {
  return Number(/^syscw:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? NaN);
}

/** A `Key: N kB` line of /proc/<pid>/status, in bytes. */
function statusBytes(status: string, key: string): number {
  return Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
}

/** Current resident set size and its high-water mark, in bytes. */
export function memory(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => statusBytes(status, key);
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

/** Where a process's resident memory is, in bytes. */
export interface RssBreakdown {
  rss: number;
  /** Anonymous memory: V8's heap, malloc's arenas, large malloc'd blocks, thread stacks. */
  anonymous: number;
  /** The part of `anonymous` in the brk heap: glibc's main arena (malloc of the main thread). */
  mainArena: number;
  /** Mapped files: the node binary and libraries, SQLite's shared-memory WAL index. */
  files: number;
}

/** RSS split by kind of mapping (/proc/<pid>/status and the [heap] entry of /proc/<pid>/smaps). */
export function rssBreakdown(pid: number): RssBreakdown {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => statusBytes(status, key);
  const smaps = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8');
  const heapEntry = /\[heap\]\n(?:.*\n)*?Rss:\s+(\d+) kB/.exec(smaps);
  return { rss: kib('VmRSS'), anonymous: kib('RssAnon'), mainArena: Number(heapEntry?.[1] ?? 0) * 1024, files: kib('RssFile') + kib('RssShmem') };
}

/** Samples RSS on a timer so a window gets its own peak, not that of start-up. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 50,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    // A measurement cut short by an error must not keep the bench alive.
    this.timer.unref();
  }

  /** Stops sampling; returns the highest RSS seen, in bytes. */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }

  private sample(): void {
    this.peak = Math.max(this.peak, memory(this.pid).rss);
  }
}

/** Median of `count` RSS samples taken `intervalMs` apart: steadier than one reading while V8 collects. */
export async function steadyRss(pid: number, count = 9, intervalMs = 100): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    samples.push(memory(pid).rss);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(count / 2)];
}
