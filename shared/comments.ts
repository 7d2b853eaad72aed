import { z } from 'zod';
import type { CommentVisibility } from './negotiations';

/** Limits shared by the composer in the browser and the server's validation. */
export const COMMENT_MAX_LENGTH = 4000;
export const QUOTE_MAX_LENGTH = 1000;
const RELATIVE_POSITION_MAX_LENGTH = 512;

/** Where a thread is attached: base64 Yjs relative positions into the draft's XmlFragment. */
export const CommentAnchorSchema = z.object({
  paragraphId: z.string().min(1).max(100),
  start: z.string().min(1).max(RELATIVE_POSITION_MAX_LENGTH).base64(),
  end: z.string().min(1).max(RELATIVE_POSITION_MAX_LENGTH).base64(),
  quote: z.string().max(QUOTE_MAX_LENGTH),
});
export type CommentAnchor = z.infer<typeof CommentAnchorSchema>;

/** Plain text with line breaks; never rendered as HTML. */
const CommentText = z
  .string()
  .trim()
  .min(1, 'comment text is required')
  .max(COMMENT_MAX_LENGTH, `comment text is limited to ${COMMENT_MAX_LENGTH} characters`);

const CommentId = z.string().min(1).max(100);

export const CommentVisibilitySchema = z.enum(['all', 'delegation', 'facilitators']);

export const CommentCreatePayload = z.object({
  draftId: z.string().min(1).max(100),
  anchor: CommentAnchorSchema,
  text: CommentText,
  /** Who sees the thread: every member (default), the author's delegation, or the author and the facilitators. */
  visibility: CommentVisibilitySchema.optional().default('all'),
});
export const CommentReplyPayload = z.object({ commentId: CommentId, text: CommentText });
export const CommentEditPayload = z.object({ commentId: CommentId, text: CommentText });
export const CommentRefPayload = z.object({ commentId: CommentId });

/** One comment as every client sees it. A deleted comment keeps its place but not its text. */
export interface CommentView {
  id: string;
  draftId: string;
  threadId: string;
  authorId: string;
  authorName: string;
  delegation: string;
  text: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

/** A thread: the comment that opened it, where it is attached, its replies and its state. */
export interface CommentThread {
  id: string;
  draftId: string;
  anchor: CommentAnchor;
  /** Who may read the thread; its replies inherit it. */
  visibility: CommentVisibility;
  root: CommentView;
  replies: CommentView[];
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/**
 * What travels with every change to a thread: its state, not its replies, so a broadcast
 * stays the same size however long the conversation grows.
 */
export interface ThreadState {
  id: string;
  draftId: string;
  visibility: CommentVisibility;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** Replies the thread has, deleted ones included: a client holding fewer has missed some. */
  replyCount: number;
}

/** `comment:created`: a new thread, the comment that opened it and where it is attached. */
export interface ThreadCreated {
  comment: CommentView;
  thread: ThreadState & { anchor: CommentAnchor };
}

/** `comment:updated`: a reply, an edit or deletion, or the thread resolved or reopened (then `comment` is its root). */
export interface CommentChanged {
  comment: CommentView;
  thread: ThreadState;
}

/** One change to a draft's comments, as broadcast and as acknowledged to its sender. */
export type CommentChange = ThreadCreated | CommentChanged;
