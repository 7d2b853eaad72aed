import { randomUUID } from 'node:crypto';
import type { CommentAnchor, CommentChanged, CommentThread, ThreadCreated } from '../../../shared/comments';
import type { CommentVisibility } from '../../../shared/negotiations';
import { canComment, isFacilitator } from '../../../shared/roles';
import type { DraftMember } from '../access/draftMember';
import type { CommentPatch, CommentRecord, CommentStore } from '../../store/types';
import { DomainError } from '../domainError';
import { toCommentView, toThreadState, groupThreads } from './commentViews';
import { KeyedSerializer } from './keyedSerializer';
import { canSeeThread, type ThreadAudience } from './threadVisibility';

/** Checks an anchor against the live text of a draft (implemented by the collab layer). */
export type AnchorCheck = (draftId: string, anchor: CommentAnchor) => Promise<boolean>;

/** How much one draft's conversation may grow. */
export interface CommentLimits {
  openThreadsPerDraft: number;
  repliesPerThread: number;
  /** Comments and replies one user may post on one draft per hour. */
  commentsPerUserPerHour: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * The rules of comment threads. Every author field comes from the authenticated user and
 * every time from the server clock; nobody edits or deletes in another delegation's name.
 * Every action returns the comment it touched and its thread's state, never the whole thread.
 */
export class CommentService {
  /** Checks of a limit and the write they allow happen one draft at a time, so bursts cannot overshoot. */
  private readonly perDraft = new KeyedSerializer();

  constructor(
    private readonly comments: CommentStore,
    private readonly anchorFits: AnchorCheck,
    private readonly limits: CommentLimits,
  ) {}

  /** The threads of a draft the viewer may see. */
  async listThreads(viewer: DraftMember, draftId: string): Promise<CommentThread[]> {
    return groupThreads(await this.comments.listByDraft(draftId)).filter((thread) => canSeeThread(viewer, { ...thread.root, visibility: thread.visibility }));
  }

  /** Who sees a thread (for broadcasts: see canSeeThread). */
  async audienceOf(threadId: string): Promise<ThreadAudience> {
    const { visibility, authorId, delegation } = await this.mustGet(threadId);
    return { visibility, authorId, delegation };
  }

  /** The draft a comment belongs to (for the caller to check the user's access). */
  async draftOf(commentId: string): Promise<string> {
    return (await this.mustGet(commentId)).draftId;
  }

  async create(user: DraftMember, draftId: string, anchor: CommentAnchor, text: string, visibility: CommentVisibility = 'all'): Promise<ThreadCreated> {
    this.mustComment(user);
    if (!(await this.anchorFits(draftId, anchor))) throw new DomainError('the anchor does not point into this draft', 400);
    return this.perDraft.run(draftId, async () => {
      await this.mustHaveRoomForThread(draftId, 'before opening another');
      await this.mustBeUnderHourlyLimit(user, draftId);
      const id = randomUUID();
      const root: CommentRecord = { ...this.authored(user, draftId, text), id, threadId: id, anchor, visibility };
      await this.comments.create(root);
      return { comment: toCommentView(root), thread: { ...toThreadState(root, 0), anchor } };
    });
  }

  async reply(user: DraftMember, commentId: string, text: string): Promise<CommentChanged> {
    this.mustComment(user);
    const target = await this.mustGet(commentId, user);
    const root = await this.rootOf(target);
    return this.perDraft.run(target.draftId, async () => {
      const replies = await this.comments.countReplies(target.threadId);
      if (replies >= this.limits.repliesPerThread) {
        throw new DomainError(`this thread has ${replies} replies, the most allowed; start a new thread`, 409);
      }
      await this.mustBeUnderHourlyLimit(user, target.draftId);
      // A reply is seen by whoever sees its thread.
      const reply: CommentRecord = { ...this.authored(user, target.draftId, text), id: randomUUID(), threadId: target.threadId, anchor: null, visibility: root.visibility };
      await this.comments.create(reply);
      return this.changed(reply, root);
    });
  }

  async edit(user: DraftMember, commentId: string, text: string): Promise<CommentChanged> {
    const comment = await this.mustOwn(user, commentId);
    if (comment.deletedAt) throw new DomainError('a deleted comment cannot be edited', 409);
    return this.patch(comment, { text, editedAt: new Date().toISOString() });
  }

  async remove(user: DraftMember, commentId: string): Promise<CommentChanged> {
    const comment = await this.mustOwn(user, commentId);
    if (comment.deletedAt) throw new DomainError('the comment is already deleted', 409);
    return this.patch(comment, { deletedAt: new Date().toISOString() });
  }

  async resolve(user: DraftMember, commentId: string): Promise<CommentChanged> {
    const root = await this.mustModerateThread(user, commentId);
    if (root.resolvedAt) throw new DomainError('the thread is already resolved', 409);
    return this.patch(root, { resolvedAt: new Date().toISOString(), resolvedBy: user.delegation });
  }

  async reopen(user: DraftMember, commentId: string): Promise<CommentChanged> {
    const root = await this.mustModerateThread(user, commentId);
    if (!root.resolvedAt) throw new DomainError('the thread is open', 409);
    return this.perDraft.run(root.draftId, async () => {
      await this.mustHaveRoomForThread(root.draftId, 'before reopening this one');
      return this.patch(root, { resolvedAt: null, resolvedBy: null });
    });
  }

  private authored(user: DraftMember, draftId: string, text: string) {
    return {
      draftId,
      authorId: user.id,
      authorName: user.displayName,
      delegation: user.delegation,
      text,
      createdAt: new Date().toISOString(),
      editedAt: null,
      deletedAt: null,
      resolvedAt: null,
      resolvedBy: null,
    };
  }

  private async patch(comment: CommentRecord, patch: CommentPatch): Promise<CommentChanged> {
    const updated = await this.comments.update(comment.id, patch);
    if (!updated) throw new DomainError('no such comment', 404);
    return this.changed(updated, await this.rootOf(updated));
  }

  private async changed(comment: CommentRecord, root: CommentRecord): Promise<CommentChanged> {
    return { comment: toCommentView(comment), thread: toThreadState(root, await this.comments.countReplies(root.id)) };
  }

  private async mustHaveRoomForThread(draftId: string, advice: string): Promise<void> {
    const open = await this.comments.countOpenThreads(draftId);
    if (open >= this.limits.openThreadsPerDraft) {
      throw new DomainError(`this draft has ${open} open threads, the most allowed; resolve some ${advice}`, 409);
    }
  }

  private async mustBeUnderHourlyLimit(user: DraftMember, draftId: string): Promise<void> {
    const since = new Date(Date.now() - HOUR_MS).toISOString();
    const posted = await this.comments.countByAuthorSince(draftId, user.id, since);
    if (posted >= this.limits.commentsPerUserPerHour) {
      throw new DomainError(`you have posted ${posted} comments on this draft in the last hour, the most allowed; try again later`, 429);
    }
  }

  private mustComment(user: DraftMember): void {
    if (!canComment(user.role)) throw new DomainError('observers cannot comment', 403);
  }

  /** With a viewer: a comment in a thread they may not see does not exist for them. */
  private async mustGet(commentId: string, viewer?: DraftMember): Promise<CommentRecord> {
    const comment = await this.comments.get(commentId);
    if (!comment) throw new DomainError('no such comment', 404);
    if (viewer && !canSeeThread(viewer, await this.rootOf(comment))) throw new DomainError('no such comment', 404);
    return comment;
  }

  /** The root of the comment's thread (the comment itself when it is one). */
  private rootOf(comment: CommentRecord): Promise<CommentRecord> {
    return comment.id === comment.threadId ? Promise.resolve(comment) : this.mustGet(comment.threadId);
  }

  private async mustOwn(user: DraftMember, commentId: string): Promise<CommentRecord> {
    const comment = await this.mustGet(commentId, user);
    if (comment.authorId !== user.id) throw new DomainError('only its author can change a comment', 403);
    return comment;
  }

  /** The thread's root, when the user may resolve or reopen it (facilitator or the thread's author). */
  private async mustModerateThread(user: DraftMember, commentId: string): Promise<CommentRecord> {
    const root = await this.rootOf(await this.mustGet(commentId, user));
    if (!isFacilitator(user.role) && root.authorId !== user.id) {
      throw new DomainError('only the facilitator or the author of the thread can resolve or reopen it', 403);
    }
    return root;
  }
}
