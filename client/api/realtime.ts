import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens the socket.io connection on the same origin, authenticated with the
 * session token; without any network it waits for the browser's `online` event.
 */
export function connectRealtime(token: string): RealtimeSocket {
  return io({ auth: { token }, autoConnect: navigator.onLine });
}
