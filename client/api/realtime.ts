import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens the socket.io connection on the same origin, authenticated with the
 * session token; without any network it waits for the browser's `online` event.
 * Websocket only: long-polling sends each request of a session separately, which
 * several instances behind a load balancer without sticky sessions cannot serve
 * (the Yjs channel needs websockets anyway).
 */
export function connectRealtime(token: string): RealtimeSocket {
  return io({ auth: { token }, autoConnect: navigator.onLine, transports: ['websocket'] });
}
