import type { DraftMember } from '../domain/access/draftMember';
import type { ThreadAudience } from '../domain/comments/threadVisibility';
import { draftRoom } from './types';

const delegationRoom = (draftId: string, delegation: string) => `${draftRoom(draftId)}:delegation:${delegation}`;
const facilitatorsRoom = (draftId: string) => `${draftRoom(draftId)}:facilitators`;
const personRoom = (draftId: string, userId: string) => `${draftRoom(draftId)}:user:${userId}`;

/**
 * The rooms a member's connection joins with a draft, besides the draft's own: one per way a
 * thread's audience is drawn (see canSeeThread), so that a private thread is emitted to rooms,
 * which reach the right connections on every instance (no socket lists read locally).
 */
export function memberRooms(draftId: string, member: Pick<DraftMember, 'id' | 'role' | 'delegation'>): string[] {
  const rooms = [draftRoom(draftId), delegationRoom(draftId, member.delegation), personRoom(draftId, member.id)];
  return member.role === 'facilitator' ? [...rooms, facilitatorsRoom(draftId)] : rooms;
}

/** The rooms whose members see a thread: exactly those for whom canSeeThread holds. */
export function audienceRooms(draftId: string, audience: ThreadAudience): string[] {
  switch (audience.visibility) {
    case 'all':
      return [draftRoom(draftId)];
    case 'delegation':
      return [delegationRoom(draftId, audience.delegation)];
    case 'facilitators':
      return [facilitatorsRoom(draftId), personRoom(draftId, audience.authorId)];
  }
}
