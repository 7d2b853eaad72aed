import { canSeeThread, type ThreadAudience } from '../../../server/domain/comments/threadVisibility';
import { audienceRooms, memberRooms } from '../../../server/realtime/audienceRooms';
import { draftRoom } from '../../../server/realtime/types';

describe('audience rooms: a private thread reaches exactly the members who may see it', () => {
  const viewers = (['facilitator', 'delegate', 'observer'] as const).flatMap((role) =>
    ['Kazakhstan', 'Norway'].flatMap((delegation) => ['u-1', 'u-2'].map((id) => ({ id, role, delegation }))),
  );
  const audiences: ThreadAudience[] = (['all', 'delegation', 'facilitators'] as const).flatMap((visibility) =>
    ['Kazakhstan', 'Norway'].flatMap((delegation) => ['u-1', 'u-2'].map((authorId) => ({ visibility, delegation, authorId }))),
  );

  it.each(audiences)('%o', (audience) => {
    for (const viewer of viewers) {
      const reached = audienceRooms('d1', audience).some((room) => memberRooms('d1', viewer).includes(room));
      expect([viewer, reached]).toEqual([viewer, canSeeThread(viewer, audience)]);
    }
  });

  it('keeps every member in the draft\'s own room, and one draft\'s rooms apart from another\'s', () => {
    for (const viewer of viewers) {
      expect(memberRooms('d1', viewer)).toContain(draftRoom('d1'));
      expect(memberRooms('d2', viewer).some((room) => memberRooms('d1', viewer).includes(room))).toBe(false);
    }
  });
});
