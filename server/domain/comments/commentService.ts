import { randomUUID } from 'node:crypto';
import type { CommentAnchor, CommentThread, CommentView } from '../../../shared/comments';
import { canComment, isFacilitator } from '../../../shared/roles';
import type { PublicUser } from '../../../shared/user';
import type { CommentPatch, CommentRecord, CommentStore } from '../../store/types';
import { DomainError } from '../domainError';
import { toCommentView, toThread, groupThreads } from './commentViews';

/** Checks an anchor against the live text of a draft (implemented by the collab layer). */
export type AnchorCheck = (draftId: string, anchor: CommentAnchor) => Promise<boolean>;

/** What every comment action returns: the comment touched and its whole thread. */
export interface CommentOutcome {
  comment: CommentView;
  thread: CommentThread;
}

/**
 * The rules of comment threads. Every author field comes from the authenticated user and
 * every time from the server clock; nobody edits or deletes in another delegation's name.
 */
export class CommentService {
  constructor(
    private readonly comments: CommentStore,
    private readonly anchorFits: AnchorCheck,
  ) {}

  async listThreads(draftId: string): Promise<CommentThread[]> {
    return groupThreads(await this.comments.listByDraft(draftId));
  }

  /** The draft a comment belongs to (for the caller to check the user's access). */
  async draftOf(commentId: string): Promise<string> {
    return (await this.mustGet(commentId)).draftId;
  }

  async create(user: PublicUser, draftId: string, anchor: CommentAnchor, text: string): Promise<CommentOutcome> {
    this.mustComment(user);
    if (!(await this.anchorFits(draftId, anchor))) throw new DomainError('the anchor does not point into this draft', 400);
    const id = randomUUID();
    return this.insert({ ...this.authored(user, draftId, text), id, threadId: id, anchor });
  }

  async reply(user: PublicUser, commentId: string, text: string): Promise<CommentOutcome> {
    this.mustComment(user);
    const target = await this.mustGet(commentId);
    return this.insert({ ...this.authored(user, target.draftId, text), id: randomUUID(), threadId: target.threadId, anchor: null });
  }

  async edit(user: PublicUser, commentId: string, text: string): Promise<CommentOutcome> {
    const comment = await this.mustOwn(user, commentId);
    if (comment.deletedAt) throw new DomainError('a deleted comment cannot be edited', 409);
    return this.patch(comment, { text, editedAt: new Date().toISOString() });
  }

  async remove(user: PublicUser, commentId: string): Promise<CommentOutcome> {
    const comment = await this.mustOwn(user, commentId);
    if (comment.deletedAt) throw new DomainError('the comment is already deleted', 409);
    return this.patch(comment, { deletedAt: new Date().toISOString() });
  }

  async resolve(user: PublicUser, commentId: string): Promise<CommentOutcome> {
    const root = await this.mustModerateThread(user, commentId);
    if (root.resolvedAt) throw new DomainError('the thread is already resolved', 409);
    return this.patch(root, { resolvedAt: new Date().toISOString(), resolvedBy: user.delegation });
  }

  async reopen(user: PublicUser, commentId: string): Promise<CommentOutcome> {
    const root = await this.mustModerateThread(user, commentId);
    if (!root.resolvedAt) throw new DomainError('the thread is open', 409);
    return this.patch(root, { resolvedAt: null, resolvedBy: null });
  }

  private authored(user: PublicUser, draftId: string, text: string) {
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

  private async insert(record: CommentRecord): Promise<CommentOutcome> {
    await this.comments.create(record);
    return this.outcome(record);
  }

  private async patch(comment: CommentRecord, patch: CommentPatch): Promise<CommentOutcome> {
    const updated = await this.comments.update(comment.id, patch);
    if (!updated) throw new DomainError('no such comment', 404);
    return this.outcome(updated);
  }

  private async outcome(comment: CommentRecord): Promise<CommentOutcome> {
    return { comment: toCommentView(comment), thread: toThread(await this.comments.listThread(comment.threadId)) };
  }

  private mustComment(user: PublicUser): void {
    if (!canComment(user.role)) throw new DomainError('observers cannot comment', 403);
  }

  private async mustGet(commentId: string): Promise<CommentRecord> {
    const comment = await this.comments.get(commentId);
    if (!comment) throw new DomainError('no such comment', 404);
    return comment;
  }

  private async mustOwn(user: PublicUser, commentId: string): Promise<CommentRecord> {
    const comment = await this.mustGet(commentId);
    if (comment.authorId !== user.id) throw new DomainError('only its author can change a comment', 403);
    return comment;
  }

  /** The thread's root, when the user may resolve or reopen it (facilitator or the thread's author). */
  private async mustModerateThread(user: PublicUser, commentId: string): Promise<CommentRecord> {
    const comment = await this.mustGet(commentId);
    const root = comment.id === comment.threadId ? comment : await this.mustGet(comment.threadId);
    if (!isFacilitator(user.role) && root.authorId !== user.id) {
      throw new DomainError('only the facilitator or the author of the thread can resolve or reopen it', 403);
    }
    return root;
  }
}
