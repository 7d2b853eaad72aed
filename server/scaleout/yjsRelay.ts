import type { RoomRelay } from '../collab/roomPeers';
import { RelayedRoom, type RelayContext } from './relayedRoom';

export type YjsRelayOptions = Omit<RelayContext, 'subscribeWaitMs'> & Partial<Pick<RelayContext, 'subscribeWaitMs'>>;

/**
 * Multi-instance mode for the Yjs channel: each loaded draft's room hears, through the draft's
 * Redis channel, what the same draft's rooms on other instances made durable, their awareness
 * and their lock changes (see RelayedRoom). When Redis returns after an outage, every loaded
 * room subscribes again if it lost its subscription, reads the store again and asks the other
 * instances to do the same (they may have missed what this one could not publish).
 */
export class YjsRelay implements RoomRelay {
  private readonly rooms = new Map<string, RelayedRoom>();
  private readonly context: RelayContext;
  private readonly stopListening: () => void;

  constructor(options: YjsRelayOptions) {
    this.context = { subscribeWaitMs: 1_000, ...options };
    this.stopListening = options.link.onUp(() => this.resyncAll());
  }

  async join(draftId: string): Promise<RelayedRoom> {
    const peers = new RelayedRoom(draftId, this.context, (left) => {
      if (this.rooms.get(draftId) === left) this.rooms.delete(draftId);
    });
    this.rooms.set(draftId, peers);
    await peers.listen();
    return peers;
  }

  close(): void {
    this.stopListening();
    for (const peers of [...this.rooms.values()]) peers.leave();
  }

  private resyncAll(): void {
    for (const peers of this.rooms.values()) void peers.recover();
  }
}
