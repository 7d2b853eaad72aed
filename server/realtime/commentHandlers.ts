import { CommentCreatePayload, CommentEditPayload, CommentRefPayload, CommentReplyPayload, type CommentChanged, type ThreadState } from '../../shared/comments';
import type { DraftMember } from '../domain/access/draftMember';
import type { CommentService } from '../domain/comments/commentService';
import type { Logger } from '../logger';
import { acknowledged } from './acknowledged';
import { audienceRooms } from './audienceRooms';
import { joinedMember } from './joinedMember';
import { draftRoom, type SocketHandlers } from './types';

/**
 * comment:* events: validated, authorized by CommentService, then broadcast to the draft's
 * room as the comment that changed and its thread's state (never the whole thread).
 */
export function commentHandlers(comments: CommentService, logger: Logger): SocketHandlers {
  return (io, socket) => {
    const mustHaveJoined = (draftId: string): DraftMember => joinedMember(socket, draftId);
    /** Who hears of a change: the draft's room, or, for a thread not visible to all, the rooms of the members who see it. */
    const recipients = async ({ draftId, id: threadId, visibility }: ThreadState) =>
      io.to(visibility === 'all' ? draftRoom(draftId) : audienceRooms(draftId, await comments.audienceOf(threadId)));
    const publish = async (change: CommentChanged) => {
      (await recipients(change.thread)).emit('comment:updated', change);
      return change;
    };
    /** Events on an existing comment: the user must be in that comment's draft. */
    const onComment = (run: (member: DraftMember, commentId: string, text?: string) => Promise<CommentChanged>) =>
      async ({ commentId, text }: { commentId: string; text?: string }) =>
        run(mustHaveJoined(await comments.draftOf(commentId)), commentId, text);

    socket.on(
      'comment:create',
      acknowledged(socket, logger, 'comment:create', CommentCreatePayload, async ({ draftId, anchor, text, visibility }) => {
        const created = await comments.create(mustHaveJoined(draftId), draftId, anchor, text, visibility);
        (await recipients(created.thread)).emit('comment:created', created);
        return created;
      }),
    );
    socket.on(
      'comment:reply',
      acknowledged(socket, logger, 'comment:reply', CommentReplyPayload,
        onComment(async (member, id, text) => publish(await comments.reply(member, id, text!)))),
    );
    socket.on(
      'comment:edit',
      acknowledged(socket, logger, 'comment:edit', CommentEditPayload,
        onComment(async (member, id, text) => publish(await comments.edit(member, id, text!)))),
    );
    socket.on(
      'comment:delete',
      acknowledged(socket, logger, 'comment:delete', CommentRefPayload,
        onComment(async (member, id) => publish(await comments.remove(member, id)))),
    );
    socket.on(
      'comment:resolve',
      acknowledged(socket, logger, 'comment:resolve', CommentRefPayload,
        onComment(async (member, id) => publish(await comments.resolve(member, id)))),
    );
    socket.on(
      'comment:reopen',
      acknowledged(socket, logger, 'comment:reopen', CommentRefPayload,
        onComment(async (member, id) => publish(await comments.reopen(member, id)))),
    );
  };
}
