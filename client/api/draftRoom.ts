import { ConnectError } from '../../shared/events';
import type { DraftAccess } from '../../shared/negotiations';
import type { PresenceEntry } from '../../shared/presence';
import type { RealtimeSocket } from './realtime';

/** Where this tab's join stands: asked and not yet answered, answered (accepted or refused), or not answered in time. */
export type JoinState = 'waiting' | 'answered' | 'no-answer';

export interface DraftRoomHandlers {
  onPeople: (people: PresenceEntry[]) => void;
  /** The live link to the room is up (true) or lost (false); the list may then be out of date. */
  onLive: (live: boolean) => void;
  onUnauthorized: () => void;
  /** The caller's role and delegation in the draft, as the server gave them with this join. */
  onAccess?: (access: DraftAccess) => void;
  /** Each join asked, and what became of it. A join superseded by a later one (a reconnect, a retry) is not reported. */
  onJoin?: (state: JoinState) => void;
}

export interface DraftRoom {
  /** Asks to join again (after a join the server did not answer); on a lost connection the reconnect joins. */
  retry: () => void;
  leave: () => void;
}

const JOIN_TIMEOUT_MS = 10_000;

/**
 * Keeps this tab in a draft's socket.io room. socket.io forgets room membership on
 * every reconnect, so the join is repeated on each `connect`.
 * The socket itself belongs to the caller, so later panels (comments, history) can share it.
 */
export function joinDraftRoom(socket: RealtimeSocket, draftId: string, handlers: DraftRoomHandlers): DraftRoom {
  /** Counts joins asked (and the leave), so that only the latest join's answer (or silence) counts. */
  let joins = 0;
  const join = () => {
    const attempt = ++joins;
    handlers.onJoin?.('waiting');
    socket.timeout(JOIN_TIMEOUT_MS).emit('draft:join', { draftId }, (err, ack) => {
      if (attempt !== joins) return;
      handlers.onLive(!err && ack.ok);
      // Without a connection the reconnect joins again; the connection indicator tells of the loss.
      if (err && socket.connected) handlers.onJoin?.('no-answer');
      else if (!err) handlers.onJoin?.('answered');
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

  return {
    retry: () => {
      if (socket.connected) join();
    },
    leave: () => {
      // A join still unanswered must not reach a page that has gone (its access could reopen it).
      joins += 1;
      socket.off('connect', join);
      socket.off('presence', onRoster);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      if (socket.connected) socket.emit('draft:leave', { draftId }, () => undefined);
    },
  };
}
