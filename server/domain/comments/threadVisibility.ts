import type { CommentRecord } from '../../store/types';
import type { DraftMember } from '../access/draftMember';

/** The part of a thread's root that decides who sees it. */
export type ThreadAudience = Pick<CommentRecord, 'visibility' | 'authorId' | 'delegation'>;

/**
 * Whether a member sees a thread: 'all' members; 'delegation' the members of the author's
 * delegation (as it was when the thread was opened); 'facilitators' the author and the facilitators.
 */
export function canSeeThread(viewer: Pick<DraftMember, 'id' | 'role' | 'delegation'>, root: ThreadAudience): boolean {
  switch (root.visibility) {
    case 'all':
      return true;
    case 'delegation':
      return viewer.delegation === root.delegation;
    case 'facilitators':
      return viewer.id === root.authorId || viewer.role === 'facilitator';
  }
}
