/** @jest-environment jsdom */
import { EventEmitter } from 'node:events';
import * as Y from 'yjs';
import type { DraftApi } from '../../../client/api/draftApi';
import type { RealtimeSocket } from '../../../client/api/realtime';
import { CommentsFeature } from '../../../client/comments/commentsFeature';
import type { CommentThread, CommentView } from '../../../shared/comments';

const comment = (id: string, threadId: string, createdAt: string): CommentView => ({
  id,
  draftId: 'd1',
  threadId,
  authorId: 'eu',
  authorName: 'Delegate of the European Union',
  delegation: 'European Union',
  text: `Comment ${id}`,
  createdAt,
  editedAt: null,
  deletedAt: null,
});
const anchor = { paragraphId: 'p1', start: 'AA==', end: 'AA==', quote: 'Member States' };
const state = (id: string, replyCount: number) => ({ id, draftId: 'd1', resolvedAt: null, resolvedBy: null, replyCount });

/** A list request the test answers when it likes. */
interface PendingList {
  resolve: (threads: CommentThread[]) => void;
}

function setup() {
  const socket = new EventEmitter();
  const lists: PendingList[] = [];
  const api = { threads: () => new Promise<CommentThread[]>((resolve) => lists.push({ resolve })) };
  const doc = new Y.Doc();
  const feature = new CommentsFeature({
    draftId: 'd1',
    viewer: { userId: 'kz', role: 'delegate' },
    socket: socket as unknown as RealtimeSocket,
    api: api as unknown as DraftApi,
    doc,
    reveal: () => {},
  });
  document.body.replaceChildren(feature.panel.element);
  const threadIds = () => [...feature.panel.element.querySelectorAll<HTMLElement>('.comment-thread')].map((el) => el.dataset.threadId);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { socket, lists, feature, doc, threadIds, settle };
}

describe('CommentsFeature', () => {
  it('draws a thread from its creation and its replies from their deltas, without reloading', async () => {
    const { socket, lists, feature, doc, threadIds, settle } = setup();
    lists.shift()!.resolve([]);
    await settle();
    socket.emit('comment:created', { comment: comment('t1', 't1', '2026-05-20T10:00:00Z'), thread: { ...state('t1', 0), anchor } });
    socket.emit('comment:updated', { comment: comment('r1', 't1', '2026-05-20T10:01:00Z'), thread: state('t1', 1) });
    socket.emit('comment:created', { comment: { ...comment('x1', 'x1', '2026-05-20T10:02:00Z'), draftId: 'd2' }, thread: { ...state('x1', 0), draftId: 'd2', anchor } });
    expect(threadIds()).toEqual(['t1']);
    expect(feature.panel.element.querySelectorAll('.comment')).toHaveLength(2);
    expect(lists).toHaveLength(0);
    feature.destroy();
    doc.destroy();
  });

  it('reloads once, after the list on its way, when a delta shows that something was missed', async () => {
    const { socket, lists, feature, doc, threadIds, settle } = setup();
    // A reply to a thread created before the list was taken, and another reply with a gap.
    socket.emit('comment:updated', { comment: comment('r1', 't1', '2026-05-20T10:01:00Z'), thread: state('t1', 1) });
    socket.emit('comment:updated', { comment: comment('r2', 't1', '2026-05-20T10:02:00Z'), thread: state('t1', 2) });
    expect(lists).toHaveLength(1);
    lists.shift()!.resolve([]);
    await settle();
    expect(lists).toHaveLength(1);
    const root = comment('t1', 't1', '2026-05-20T10:00:00Z');
    lists.shift()!.resolve([
      { id: 't1', draftId: 'd1', anchor, root, replies: [comment('r1', 't1', '2026-05-20T10:01:00Z'), comment('r2', 't1', '2026-05-20T10:02:00Z')], resolvedAt: null, resolvedBy: null, visibility: 'all' },
    ]);
    await settle();
    expect(lists).toHaveLength(0);
    expect(threadIds()).toEqual(['t1']);
    expect(feature.panel.element.querySelectorAll('.comment')).toHaveLength(3);
    feature.destroy();
    doc.destroy();
  });
});
