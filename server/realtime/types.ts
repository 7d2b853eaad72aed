import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events';
import type { PublicUser } from '../../shared/user';
import type { SessionGrant } from '../auth/sessionRegistry';
import type { DraftPresence } from '../domain/access/draftEntry';

export interface SocketData {
  user: PublicUser;
  /** Drafts this connection has joined, with the person's place in each: application events are only accepted for these. */
  drafts: Map<string, DraftPresence>;
  /** What the handshake authenticated; opens the connection's session. */
  grant: SessionGrant;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** One concern's event handlers, registered on every new connection. */
export type SocketHandlers = (io: AppServer, socket: AppSocket) => void;

/** The socket.io room of a draft. */
export function draftRoom(draftId: string): string {
  return `draft:${draftId}`;
}
