import type { CommentThread } from '../../shared/comments';

/**
 * True when the thread holds every word of `query` (any case) in its quoted words or in one of
 * its comments' text, author or delegation; an empty query matches every thread.
 */
export function threadMatches(thread: CommentThread, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [thread.anchor.quote, ...[thread.root, ...thread.replies].filter((c) => !c.deletedAt).flatMap((c) => [c.text, c.authorName, c.delegation])]
    .join('\n')
    .toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}
