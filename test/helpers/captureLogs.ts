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

  constructor(level = 'debug') {
    this.logger = pino({ level }, { write: (line: string) => void this.entries.push(JSON.parse(line) as LogEntry) });
  }

  /** A position in the log: pass it to since() to see only what was logged after it. */
  mark(): number {
    return this.entries.length;
  }

  since(mark: number): LogEntry[] {
    return this.entries.slice(mark);
  }
}
