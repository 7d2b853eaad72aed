import type { Room } from './room';
import type { RoomControl } from './roomControl';

/**
 * The same draft's rooms on the other instances (multi-instance mode, see server/scaleout/yjsRelay.ts).
 * A room tells them what it made durable, its awareness changes and its control changes; what
 * they tell it arrives through the relay, not through these calls.
 */
export interface RoomPeers {
  /** A durable update, with the seq the store gave it. */
  update(update: Uint8Array, seq: number): void;
  /** An awareness update the room already validated and stamped. */
  awareness(update: Uint8Array): void;
  control(control: RoomControl): void;
  /** The room is unloaded: stop listening for the draft. */
  leave(): void;
}

/** Peers joined before the room exists (so nothing relayed during its load is missed), then bound to it. */
export interface JoinedPeers extends RoomPeers {
  /** Applies what arrived while the room loaded, and everything after. */
  bind(room: Room): void;
}

/** Joins a draft's peers; absent in single-instance mode. */
export interface RoomRelay {
  join(draftId: string): Promise<JoinedPeers>;
}
