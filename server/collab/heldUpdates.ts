import * as Y from 'yjs';
import { CloseCode } from '../../shared/closeCodes';
import { ProtocolError } from './parseMessage';

/** A client far enough ahead of what it sent that holding more would cost too much memory. */
export const MAX_HELD_UPDATES = 200;
export const MAX_HELD_BYTES = 1024 * 1024;

/**
 * Updates of one connection that wait for changes of the same user the server has not received
 * yet: a y-websocket client sends its first keystrokes after a reconnect before its sync step 2,
 * which carries the offline text they follow on from. Kept merged, bounded, and never applied
 * until complete; past the bound the client is asked to reconnect and sync again (Resync).
 */
export class HeldUpdates {
  private held: Uint8Array | null = null;
  private count = 0;

  /** The held updates followed by `update`, as one update (just `update` when nothing is held). */
  with(update: Uint8Array): Uint8Array {
    if (!this.held) return update;
    try {
      return Y.mergeUpdates([this.held, update]);
    } catch {
      // Merging reads the new bytes before validateUpdate would.
      throw new ProtocolError('not a Yjs update');
    }
  }

  /** Holds `combined` (what with() returned) in place of what was held. */
  hold(combined: Uint8Array): void {
    this.count += 1;
    if (this.count > MAX_HELD_UPDATES || combined.byteLength > MAX_HELD_BYTES) {
      this.clear();
      throw new ProtocolError('too many updates waiting for changes not yet received', CloseCode.Resync);
    }
    this.held = combined;
  }

  clear(): void {
    this.held = null;
    this.count = 0;
  }
}
