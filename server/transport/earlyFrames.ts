import type { RawData } from 'ws';
import { byteLength } from './rawData';

/**
 * Frames a client sends before its connection is signed in and attached to its room: kept for
 * then, bounded by count and bytes, because until sign-in they are an anonymous client's memory.
 */
export class EarlyFrames {
  private frames: RawData[] = [];
  private bytes = 0;

  constructor(
    private readonly maxFrames: number,
    private readonly maxBytes: number,
  ) {}

  /** Keeps a frame; returns why the connection must be refused when that passes a bound. */
  keep(data: RawData): string | null {
    this.bytes += byteLength(data);
    if (this.frames.push(data) > this.maxFrames) return 'too many messages before sign-in';
    if (this.bytes > this.maxBytes) return 'too much data before sign-in';
    return null;
  }

  /** Hands over what was kept, and keeps nothing more. */
  take(): RawData[] {
    const frames = this.frames;
    this.frames = [];
    this.bytes = 0;
    return frames;
  }
}
