import { DraftRefPayload } from '../../shared/validation/requests';
import type { Roster } from '../domain/presenceRoster';
import type { Logger } from '../logger';
import type { DraftEntry } from '../domain/access/draftEntry';
import { DomainError } from '../domain/domainError';
import { accessOf } from '../domain/access/draftMember';
import { acknowledged } from './acknowledged';
import { memberRooms } from './audienceRooms';
import { draftRoom, type AppServer, type AppSocket, type SocketHandlers } from './types';

/** Sends a draft's roster to everyone in it. */
export async function broadcastPresence(io: AppServer, roster: Roster, draftId: string): Promise<void> {
  io.to(draftRoom(draftId)).emit('presence', { draftId, people: await roster.list(draftId) });
}

/**
 * draft:join / draft:leave and the `presence` roster broadcast to each draft's room;
 * `greetings` tell a connection that just joined what its room already knows.
 */
export function presenceHandlers(entry: DraftEntry, roster: Roster, logger: Logger, greetings: Array<(socket: AppSocket, draftId: string) => void> = []): SocketHandlers {
  const broadcast = (io: AppServer, draftId: string) => broadcastPresence(io, roster, draftId);
  /** A roster kept elsewhere (Redis) may fail: presence is then stale, but joining and leaving go on. */
  const rosterFailed = (draftId: string) => (err: unknown) => {
    logger.warn({ err: (err as Error).message, draftId }, 'presence roster unavailable');
  };

  const leave = (io: AppServer, socket: AppSocket, draftId: string) => {
    const presence = socket.data.drafts.get(draftId);
    if (!presence) return;
    socket.data.drafts.delete(draftId);
    presence.leave();
    for (const room of memberRooms(draftId, presence.member)) void socket.leave(room);
    void (async () => {
      if (await roster.leave(draftId, socket.data.user.id, socket.id)) await broadcast(io, draftId);
    })().catch(rosterFailed(draftId));
  };

  return (io, socket) => {
    socket.on(
      'draft:join',
      acknowledged(socket, logger, 'draft:join', DraftRefPayload, async ({ draftId }) => {
        const joined = socket.data.drafts.get(draftId);
        if (joined) return { access: accessOf(joined.member) };
        let changedWhileJoining = false;
        const presence = await entry.enter(socket.data.user, draftId, () => {
          changedWhileJoining = true;
          if (!socket.data.drafts.has(draftId)) return;
          const { negotiationId } = socket.data.drafts.get(draftId)!.member;
          leave(io, socket, draftId);
          logger.info({ user: socket.data.user.id, socket: socket.id, draftId }, 'left draft: membership changed');
          socket.emit('session:ended', { reason: 'membership-changed', negotiationId });
        });
        // The same answer for a draft that does not exist and one of another negotiation.
        if (!presence) throw new DomainError('no such draft', 404);
        if (changedWhileJoining) {
          presence.leave();
          throw new DomainError('your membership changed; join again', 409);
        }
        // Gone while its access was checked: 'disconnect' already left every draft it had joined.
        if (!socket.connected) {
          presence.leave();
          return { access: accessOf(presence.member) };
        }
        // Two joins at once: the first one in stands.
        const joinedMeanwhile = socket.data.drafts.get(draftId);
        if (joinedMeanwhile) {
          presence.leave();
          return { access: accessOf(joinedMeanwhile.member) };
        }
        socket.data.drafts.set(draftId, presence);
        await socket.join(memberRooms(draftId, presence.member));
        // Left (or disconnected) while joining the rooms: nothing to add to the roster.
        if (socket.data.drafts.get(draftId) !== presence) return { access: accessOf(presence.member) };
        try {
          if (await roster.join(draftId, presence.member, socket.id)) await broadcast(io, draftId);
          // The newcomer always gets the roster, even when it did not change.
          else socket.emit('presence', { draftId, people: await roster.list(draftId) });
        } catch (err) {
          rosterFailed(draftId)(err);
        }
        greetings.forEach((greet) => greet(socket, draftId));
        return { access: accessOf(presence.member) };
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
      for (const draftId of [...socket.data.drafts.keys()]) leave(io, socket, draftId);
    });
  };
}
