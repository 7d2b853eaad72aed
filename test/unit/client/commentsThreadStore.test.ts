import { ThreadStore } from '../../../client/comments/threadStore';
import type { CommentAnchor, CommentView, ThreadState } from '../../../shared/comments';

const anchor: CommentAnchor = { paragraphId: 'p1', start: 'AA==', end: 'AA==', quote: 'Member States' };
const comment = (id: string, threadId: string, createdAt: string, text = 'Too strong.'): CommentView => ({
  id,
  draftId: 'd1',
  threadId,
  authorId: 'kz',
  authorName: 'Delegate of Kazakhstan',
  delegation: 'Kazakhstan',
  text,
  createdAt,
  editedAt: null,
  deletedAt: null,
});
const state = (id: string, replyCount: number, extra: Partial<ThreadState> = {}): ThreadState => ({
  id,
  draftId: 'd1',
  resolvedAt: null,
  resolvedBy: null,
  visibility: 'all',
  replyCount,
  ...extra,
});

describe('ThreadStore.apply', () => {
  const withThread = () => {
    const store = new ThreadStore();
    expect(store.apply({ comment: comment('t1', 't1', '2026-05-20T10:00:00Z'), thread: { ...state('t1', 0), anchor } })).toBe(true);
    return store;
  };

  it('opens a thread from its creation and merges replies, edits and resolution', () => {
    const store = withThread();
    expect(store.apply({ comment: comment('r2', 't1', '2026-05-20T10:02:00Z'), thread: state('t1', 2) })).toBe(false);
    expect(store.apply({ comment: comment('r1', 't1', '2026-05-20T10:01:00Z'), thread: state('t1', 2) })).toBe(true);
    expect(store.apply({ comment: comment('r1', 't1', '2026-05-20T10:01:00Z', 'Edited.'), thread: state('t1', 2) })).toBe(true);
    expect(store.apply({ comment: comment('t1', 't1', '2026-05-20T10:00:00Z'), thread: state('t1', 2, { resolvedAt: '2026-05-20T11:00:00Z', resolvedBy: 'Kazakhstan' }) })).toBe(true);
    const [thread] = store.list('all');
    expect(thread.replies.map((r) => [r.id, r.text])).toEqual([['r1', 'Edited.'], ['r2', 'Too strong.']]);
    expect(thread).toMatchObject({ anchor, resolvedBy: 'Kazakhstan' });
    expect(store.list('open')).toEqual([]);
  });

  it('keeps the object of every thread the change does not touch', () => {
    const store = withThread();
    store.apply({ comment: comment('t2', 't2', '2026-05-20T10:05:00Z'), thread: { ...state('t2', 0), anchor } });
    const [before] = store.list('all');
    store.apply({ comment: comment('r1', 't2', '2026-05-20T10:06:00Z'), thread: state('t2', 1) });
    expect(store.list('all')[0]).toBe(before);
  });

  it('asks for a reload when a change names a thread it never heard of', () => {
    const store = new ThreadStore();
    const heard = jest.fn();
    store.subscribe(heard);
    expect(store.apply({ comment: comment('r1', 't9', '2026-05-20T10:01:00Z'), thread: state('t9', 1) })).toBe(false);
    expect(store.list('all')).toEqual([]);
    expect(heard).not.toHaveBeenCalled();
  });
});
