import pino from 'pino';
import type { Logger } from '../../server/logger';

/** One parsed pino line. */
export interface LogEntry {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** pino's numbers for the levels tests look for. */
export const WARN = 40;
export const ERROR = 50;

/** A pino logger that keeps every line in memory, parsed, for assertions. */
export class LogCapture {
  readonly entries: LogEntry[] = [];
  readonly logger: Logger;
  private readonly waiters = new Set<{ matches: (entry: LogEntry) => boolean; resolve: (entry: LogEntry) => void }>();

  constructor(level = 'debug') {
    this.logger = pino({ level }, { write: (line: string) => this.keep(JSON.parse(line) as LogEntry) });
  }

  /** Resolves with the first line logged from now on for which `matches` holds. */
  next(matches: (entry: LogEntry) => boolean): Promise<LogEntry> {
    return new Promise((resolve) => this.waiters.add({ matches, resolve }));
  }

  /** A position in the log: pass it to since() to see only what was logged after it. */
  mark(): number {
    return this.entries.length;
  }

  since(mark: number): LogEntry[] {
    return this.entries.slice(mark);
  }

  private keep(entry: LogEntry): void {
    this.entries.push(entry);
    for (const waiter of this.waiters) {
      if (!waiter.matches(entry)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(entry);
    }
  }
}
