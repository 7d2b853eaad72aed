import type { CommentThread } from '../../shared/comments';

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
