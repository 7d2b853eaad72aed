import type { PublicUser } from '../../shared/user';
import type { CloseCodeValue } from '../../shared/closeCodes';

/** The least a transport must offer to take part in a room (kept apart from `ws`). */
export interface CollabSocket {
  send(message: Uint8Array): void;
  close(code: CloseCodeValue, reason: string): void;
}

/** One authenticated client in one room. */
export interface CollabConnection {
  readonly id: string;
  readonly user: PublicUser;
  readonly socket: CollabSocket;
  /** Awareness client ids this connection announced, removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** The client asked (`?acks=durable`) to be told what is saved; stock clients would only log the unknown message. */
  readonly durableAcks: boolean;
}
