import * as Y from 'yjs';

/**
 * The clocks of each Yjs client that the server has reported durable: in its acknowledgements
 * (message type 101, see shared/durableMessage.ts) and, implicitly, in everything it sends us,
 * since the server relays only what it has saved. An edit of this browser is saved once its
 * clock is covered. A deletion alone moves no clock: DeletionProbe confirms those.
 */
export class DurableClocks {
  private readonly durable = new Map<number, number>();

  /** Merges clocks the server says are durable. */
  confirm(clocks: Map<number, number>): void {
    for (const [client, clock] of clocks) {
      if (clock > (this.durable.get(client) ?? 0)) this.durable.set(client, clock);
    }
  }

  /** An update received from the server is durable by construction. */
  confirmUpdate(update: Uint8Array): void {
    this.confirm(Y.parseUpdateMeta(update).to);
  }

  /** True while the document holds anything the server has not reported durable (until it first reports, any text). */
  aheadOfDurable(doc: Y.Doc): boolean {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      if (clock > (this.durable.get(client) ?? 0)) return true;
    }
    return false;
  }
}
