import * as Y from 'yjs';
import type { CollabConnection } from './connection';
import { updateMessage } from './messages';

const RESOLVED = Promise.resolve();

/**
 * Durable updates of one draft relayed as one frame per receiver per event-loop turn. The
 * persistence queue commits a batch and resolves its updates together; each is added here, and a
 * microtask queued behind them sends one merged update to each connection (encoded once for all
 * that sent none of them), so a batch of k updates costs each receiver one socket write, not k.
 * A connection never gets its own updates back. Nothing can arrive in between: a microtask runs
 * before any I/O, so a newcomer's sync sees the same document either way.
 */
export class CoalescedBroadcast {
  private pending: Array<{ update: Uint8Array; sender: CollabConnection | null }> = [];

  constructor(private readonly receivers: () => Iterable<CollabConnection>) {}

  add(update: Uint8Array, sender: CollabConnection | null): void {
    // A promise job, not queueMicrotask: Node wraps each of those in an AsyncResource (about 30 µs
    // of cold code per update in the fan-out bench; docs/DESIGN.md "Cost of one update").
    if (this.pending.length === 0) void RESOLVED.then(this.sendPending);
    this.pending.push({ update, sender });
  }

  private readonly sendPending = (): void => {
    const batch = this.pending;
    this.pending = [];
    const merge = (updates: Uint8Array[]) => (updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
    const senders = new Set(batch.map((entry) => entry.sender));
    // Built on first need: a lone editor's own update goes to no one else.
    let toEveryone: Uint8Array | null = null;
    for (const connection of this.receivers()) {
      if (!senders.has(connection)) {
        toEveryone ??= updateMessage(merge(batch.map((entry) => entry.update)));
        connection.socket.send(toEveryone);
        continue;
      }
      const others = batch.filter((entry) => entry.sender !== connection).map((entry) => entry.update);
      if (others.length > 0) connection.socket.send(updateMessage(merge(others)));
    }
  };
}
