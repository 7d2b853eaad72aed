import type { PresenceRoster } from './presence';

/** Every acknowledgement has this shape: success with a payload, or a readable error. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;

export interface DraftRef {
  draftId: string;
}

/** Events a client emits; each is acknowledged. */
export interface ClientToServerEvents {
  'draft:join': (payload: DraftRef, ack: AckCallback) => void;
  'draft:leave': (payload: DraftRef, ack: AckCallback) => void;
}

/** Events the server broadcasts to a draft's room. */
export interface ServerToClientEvents {
  presence: (roster: PresenceRoster) => void;
}

/** Reasons socket.io connections are refused at the handshake (connect_error message). */
export const ConnectError = {
  Unauthorized: 'unauthorized',
} as const;
