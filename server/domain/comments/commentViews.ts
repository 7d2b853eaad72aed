import type { CommentThread, CommentView, ThreadState } from '../../../shared/comments';
import type { CommentRecord } from '../../store/types';

/** What clients see of a stored comment: a deleted one keeps its place but not its words. */
export function toCommentView(record: CommentRecord): CommentView {
  const { id, draftId, threadId, authorId, authorName, delegation, createdAt, editedAt, deletedAt } = record;
  return { id, draftId, threadId, authorId, authorName, delegation, text: deletedAt ? '' : record.text, createdAt, editedAt, deletedAt };
}

/** The small state of a thread that travels with each of its changes. */
export function toThreadState(root: CommentRecord, replyCount: number): ThreadState {
  return { id: root.id, draftId: root.draftId, visibility: root.visibility, resolvedAt: root.resolvedAt, resolvedBy: root.resolvedBy, replyCount };
}

/** Assembles a thread from its comments: the root (id = threadId) and its replies, oldest first. */
export function toThread(comments: CommentRecord[]): CommentThread {
  const root = comments.find((c) => c.id === c.threadId);
  if (!root) throw new Error(`thread ${comments[0]?.threadId} has no root comment`);
  const replies = comments.filter((c) => c !== root).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    id: root.id,
    draftId: root.draftId,
    anchor: root.anchor!,
    visibility: root.visibility,
    root: toCommentView(root),
    replies: replies.map(toCommentView),
    resolvedAt: root.resolvedAt,
    resolvedBy: root.resolvedBy,
  };
}

/** Groups a draft's comments into threads, oldest thread first. */
export function groupThreads(comments: CommentRecord[]): CommentThread[] {
  const byThread = new Map<string, CommentRecord[]>();
  for (const comment of comments) {
    const list = byThread.get(comment.threadId) ?? [];
    list.push(comment);
    byThread.set(comment.threadId, list);
  }
  return [...byThread.values()].filter((list) => list.some((c) => c.id === c.threadId)).map(toThread);
}
