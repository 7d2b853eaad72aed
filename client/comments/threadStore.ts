import type { CommentChange, CommentThread, CommentView } from '../../shared/comments';

export type ThreadFilter = 'open' | 'resolved' | 'all';

/** The draft's threads as last heard from the server; listeners hear every change. */
export class ThreadStore {
  private readonly threads = new Map<string, CommentThread>();
  private readonly listeners = new Set<() => void>();

  replaceAll(threads: CommentThread[]): void {
    this.threads.clear();
    for (const thread of threads) this.threads.set(thread.id, thread);
    this.notify();
  }

  upsert(thread: CommentThread): void {
    this.threads.set(thread.id, thread);
    this.notify();
  }

  /**
   * Merges one change heard from the server into its thread (a new object; the others keep
   * theirs). False when the store has missed something, a thread or some of its replies,
   * and should be reloaded.
   */
  apply({ comment, thread: state }: CommentChange): boolean {
    const isRoot = comment.id === state.id;
    const base = this.threads.get(state.id) ?? (isRoot && 'anchor' in state ? { anchor: state.anchor, root: comment, replies: [] } : null);
    if (!base) return false;
    const replies = isRoot ? base.replies : withReply(base.replies, comment);
    this.upsert({
      id: state.id,
      draftId: state.draftId,
      anchor: base.anchor,
      root: isRoot ? comment : base.root,
      replies,
      resolvedAt: state.resolvedAt,
      resolvedBy: state.resolvedBy,
      visibility: state.visibility,
    });
    return replies.length >= state.replyCount;
  }

  /** Oldest first, as a conversation reads. */
  list(filter: ThreadFilter = 'all'): CommentThread[] {
    return [...this.threads.values()]
      .filter((t) => filter === 'all' || (filter === 'open') === (t.resolvedAt === null))
      .sort((a, b) => a.root.createdAt.localeCompare(b.root.createdAt));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The replies with `reply` added or replaced, oldest first (ties broken by id, as the server does). */
function withReply(replies: CommentView[], reply: CommentView): CommentView[] {
  return [...replies.filter((r) => r.id !== reply.id), reply].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
