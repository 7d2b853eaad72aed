import { ConnectError } from '../../shared/events';
import type { DraftAccess } from '../../shared/negotiations';
import type { PresenceEntry } from '../../shared/presence';
import type { RealtimeSocket } from './realtime';

export interface DraftRoomHandlers {
  onPeople: (people: PresenceEntry[]) => void;
  /** The live link to the room is up (true) or lost (false); the list may then be out of date. */
  onLive: (live: boolean) => void;
  onUnauthorized: () => void;
  /** The caller's role and delegation in the draft, as the server gave them with this join. */
  onAccess?: (access: DraftAccess) => void;
}

const JOIN_TIMEOUT_MS = 10_000;

/**
 * Keeps this tab in a draft's socket.io room. socket.io forgets room membership on
 * every reconnect, so the join is repeated on each `connect`.
 * Returns a function that leaves the room; the socket itself belongs to the caller,
 * so later panels (comments, history) can share it.
 */
export function joinDraftRoom(socket: RealtimeSocket, draftId: string, handlers: DraftRoomHandlers): () => void {
  const join = () => {
    socket.timeout(JOIN_TIMEOUT_MS).emit('draft:join', { draftId }, (err, ack) => {
      handlers.onLive(!err && ack.ok);
      if (!err && ack.ok) handlers.onAccess?.(ack.access);
    });
  };
  const onRoster = (roster: { draftId: string; people: PresenceEntry[] }) => {
    if (roster.draftId === draftId) handlers.onPeople(roster.people);
  };
  const onDisconnect = () => handlers.onLive(false);
  const onConnectError = (error: Error) => {
    if (error.message === ConnectError.Unauthorized) handlers.onUnauthorized();
    else handlers.onLive(false);
  };

  socket.on('connect', join);
  socket.on('presence', onRoster);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  if (socket.connected) join();

  return () => {
    socket.off('connect', join);
    socket.off('presence', onRoster);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onConnectError);
    if (socket.connected) socket.emit('draft:leave', { draftId }, () => undefined);
  };
}
