import { DraftRefPayload } from '../../shared/validation/requests';
import type { PresenceRoster } from '../domain/presenceRoster';
import type { Logger } from '../logger';
import type { DraftStore } from '../store/types';
import { DomainError } from '../domain/domainError';
import { acknowledged } from './acknowledged';
import { draftRoom, type AppServer, type AppSocket, type SocketHandlers } from './types';

/** draft:join / draft:leave and the `presence` roster broadcast to each draft's room. */
export function presenceHandlers(drafts: DraftStore, roster: PresenceRoster, logger: Logger): SocketHandlers {
  const broadcast = (io: AppServer, draftId: string) =>
    io.to(draftRoom(draftId)).emit('presence', { draftId, people: roster.list(draftId) });

  const leave = (io: AppServer, socket: AppSocket, draftId: string) => {
    if (!socket.data.drafts.delete(draftId)) return;
    void socket.leave(draftRoom(draftId));
    if (roster.leave(draftId, socket.data.user.id, socket.id)) broadcast(io, draftId);
  };

  return (io, socket) => {
    socket.on(
      'draft:join',
      acknowledged(socket, logger, 'draft:join', DraftRefPayload, async ({ draftId }) => {
        if (!(await drafts.get(draftId))) throw new DomainError('no such draft', 404);
        socket.data.drafts.add(draftId);
        await socket.join(draftRoom(draftId));
        if (roster.join(draftId, socket.data.user, socket.id)) broadcast(io, draftId);
        // The newcomer always gets the roster, even when it did not change.
        else socket.emit('presence', { draftId, people: roster.list(draftId) });
        return {};
      }),
    );
    socket.on(
      'draft:leave',
      acknowledged(socket, logger, 'draft:leave', DraftRefPayload, ({ draftId }) => {
        leave(io, socket, draftId);
        return {};
      }),
    );
    socket.on('disconnect', () => {
      for (const draftId of [...socket.data.drafts]) leave(io, socket, draftId);
    });
  };
}
