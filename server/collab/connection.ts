import type { DraftMember } from '../domain/access/draftMember';
import type { CloseCodeValue } from '../../shared/closeCodes';
import { HeldUpdates } from './heldUpdates';

/** The least a transport must offer to take part in a room (kept apart from `ws`). */
export interface CollabSocket {
  send(message: Uint8Array): void;
  close(code: CloseCodeValue, reason: string): void;
}

/** One authenticated client in one room, with the state that lives as long as its socket. */
export class CollabConnection {
  /** Awareness client ids this connection announced, removed when it leaves. */
  readonly awarenessIds = new Set<number>();
  /** Its updates that wait for its own changes still on their way (see HeldUpdates). */
  readonly held = new HeldUpdates();
  /** Client ids new to the server that this connection had bound to its user (bounded: each is a row in the store). */
  claimedClientIds = 0;

  constructor(
    readonly id: string,
    /** With the role and delegation in the draft's negotiation: what the room's checks use. */
    readonly user: DraftMember,
    readonly socket: CollabSocket,
    /** The client asked (`?acks=durable`) to be told what is saved; stock clients would only log the unknown message. */
    readonly durableAcks = false,
  ) {}
}
