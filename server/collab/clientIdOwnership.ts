import type { ClientIdStore } from '../store/types';

/** Enough for every client id in use on a busy server; older ones are asked of the store again. */
const MAX_CACHED = 100_000;

/**
 * Which user each Yjs client id belongs to. The store binds an id to the first user whose
 * update writes with it (durably, across restarts and instances); this keeps the answers in
 * memory so the per-keystroke path stays synchronous once an id is known.
 */
export class ClientIdOwnership {
  /** Least recently used first. */
  private readonly owners = new Map<number, string>();
  private readonly claiming = new Map<number, Promise<string>>();

  constructor(
    private readonly store: ClientIdStore,
    private readonly maxCached = MAX_CACHED,
  ) {}

  /** The user a client id belongs to, as far as this server knows right now (undefined: unknown). */
  ownerOf(clientId: number): string | undefined {
    const owner = this.owners.get(clientId);
    if (owner !== undefined) {
      this.owners.delete(clientId);
      this.owners.set(clientId, owner);
    }
    return owner;
  }

  /**
   * Binds the ids not known yet to `userId` unless they are bound already; resolves once
   * ownerOf() answers for all of them. Null when there is nothing to ask the store.
   */
  claim(clientIds: number[], userId: string): Promise<void> | null {
    const unknown = clientIds.filter((id) => this.ownerOf(id) === undefined);
    if (unknown.length === 0) return null;
    return Promise.all(unknown.map((id) => this.claimOne(id, userId))).then(() => undefined);
  }

  private claimOne(clientId: number, userId: string): Promise<string> {
    const running = this.claiming.get(clientId);
    if (running) return running;
    const claimed = this.store
      .claim(clientId, userId)
      .then((owner) => {
        this.remember(clientId, owner);
        return owner;
      })
      .finally(() => this.claiming.delete(clientId));
    this.claiming.set(clientId, claimed);
    return claimed;
  }

  private remember(clientId: number, owner: string): void {
    this.owners.set(clientId, owner);
    if (this.owners.size > this.maxCached) this.owners.delete(this.owners.keys().next().value!);
  }
}
