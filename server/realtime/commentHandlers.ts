import { CommentCreatePayload, CommentEditPayload, CommentRefPayload, CommentReplyPayload, type CommentChanged } from '../../shared/comments';
import type { CommentService } from '../domain/comments/commentService';
import { DomainError } from '../domain/domainError';
import type { Logger } from '../logger';
import { acknowledged } from './acknowledged';
import { draftRoom, type AppSocket, type SocketHandlers } from './types';

/**
 * comment:* events: validated, authorized by CommentService, then broadcast to the draft's
 * room as the comment that changed and its thread's state (never the whole thread).
 */
export function commentHandlers(comments: CommentService, logger: Logger): SocketHandlers {
  return (io, socket) => {
    const mustHaveJoined = (draftId: string) => {
      if (!socket.data.drafts.has(draftId)) throw new DomainError('join the draft first', 403);
    };
    const publish = (change: CommentChanged) => {
      io.to(draftRoom(change.thread.draftId)).emit('comment:updated', change);
      return change;
    };
    /** Events on an existing comment: the user must be in that comment's draft. */
    const onComment = (run: (socket: AppSocket, commentId: string, text?: string) => Promise<CommentChanged>) =>
      async ({ commentId, text }: { commentId: string; text?: string }) => {
        mustHaveJoined(await comments.draftOf(commentId));
        return run(socket, commentId, text);
      };
    const user = () => socket.data.user;

    socket.on(
      'comment:create',
      acknowledged(socket, logger, 'comment:create', CommentCreatePayload, async ({ draftId, anchor, text }) => {
        mustHaveJoined(draftId);
        const created = await comments.create(user(), draftId, anchor, text);
        io.to(draftRoom(draftId)).emit('comment:created', created);
        return created;
      }),
    );
    socket.on(
      'comment:reply',
      acknowledged(socket, logger, 'comment:reply', CommentReplyPayload,
        onComment(async (_s, id, text) => publish(await comments.reply(user(), id, text!)))),
    );
    socket.on(
      'comment:edit',
      acknowledged(socket, logger, 'comment:edit', CommentEditPayload,
        onComment(async (_s, id, text) => publish(await comments.edit(user(), id, text!)))),
    );
    socket.on(
      'comment:delete',
      acknowledged(socket, logger, 'comment:delete', CommentRefPayload,
        onComment(async (_s, id) => publish(await comments.remove(user(), id)))),
    );
    socket.on(
      'comment:resolve',
      acknowledged(socket, logger, 'comment:resolve', CommentRefPayload,
        onComment(async (_s, id) => publish(await comments.resolve(user(), id)))),
    );
    socket.on(
      'comment:reopen',
      acknowledged(socket, logger, 'comment:reopen', CommentRefPayload,
        onComment(async (_s, id) => publish(await comments.reopen(user(), id)))),
    );
  };
}
