import type { CommentAck } from '../../shared/events';
import type { CommentChanged, CommentThread, ThreadCreated } from '../../shared/comments';
import { anchorOn, findParagraph } from '../helpers/anchors';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../helpers/socketClient';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, type YjsClient } from '../helpers/yjsClient';

describe('comments over socket.io', () => {
  let server: TestServer;
  let draftId: string;
  let yjs: YjsClient;
  const sockets: ClientSocket[] = [];

  const join = async (username: string, draft = draftId) => {
    const socket = await connectSocket(server.url, (await server.login(username)).token);
    sockets.push(socket);
    expect(await emitAck(socket, 'draft:join', { draftId: draft })).toMatchObject({ ok: true });
    return socket;
  };
  const ok = <T extends object>(ack: unknown): T => {
    expect(ack).toMatchObject({ ok: true });
    return ack as T;
  };
  const urgesAnchor = () => anchorOn(findParagraph(yjs.doc, 'Urges Member States'), 'Urges');

  beforeAll(async () => {
    server = await startTestServer();
    draftId = await server.demoDraftId();
    yjs = connectYjs(server.wsUrl, draftId, (await server.login('chair')).token);
    await yjs.synced;
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
  afterAll(async () => {
    yjs.destroy();
    await server.stop();
  });

  it('creates a thread stamped by the server and broadcasts it; replies, resolve and reopen follow', async () => {
    const kz = await join('kazakhstan');
    const eu = await join('eu');
    const created = nextEvent<ThreadCreated>(eu, 'comment:created');
    const ack = ok<CommentAck>(
      await emitAck(kz, 'comment:create', {
        draftId,
        anchor: urgesAnchor(),
        text: "We cannot accept 'urges';\npropose 'encourages'.",
        authorName: 'Forged', delegation: 'United States',
      }),
    );
    expect(ack.comment).toMatchObject({ delegation: 'Kazakhstan', authorName: 'Delegate of Kazakhstan' });
    expect(ack.comment.text).toBe("We cannot accept 'urges';\npropose 'encourages'.");
    const { comment: root, thread } = await created;
    expect(root).toEqual(ack.comment);
    expect(thread).toMatchObject({ id: ack.comment.id, draftId, replyCount: 0, resolvedAt: null });
    expect(thread.anchor.quote).toBe('Urges');

    const replied = nextEvent<CommentChanged>(kz, 'comment:updated', (change) => change.thread.id === thread.id);
    ok(await emitAck(eu, 'comment:reply', { commentId: thread.id, text: 'We could support "calls upon".' }));
    expect(await replied).toMatchObject({ comment: { delegation: 'European Union', threadId: thread.id }, thread: { replyCount: 1 } });

    // Only the thread's author or the facilitator may resolve.
    expect(await emitAck(eu, 'comment:resolve', { commentId: thread.id })).toMatchObject({ ok: false });
    const resolved = ok<CommentAck>(await emitAck(kz, 'comment:resolve', { commentId: thread.id }));
    expect(resolved.thread.resolvedBy).toBe('Kazakhstan');
    const chair = await join('chair');
    expect(ok<CommentAck>(await emitAck(chair, 'comment:reopen', { commentId: thread.id })).thread.resolvedAt).toBeNull();

    const response = await fetch(`${server.url}/api/drafts/${draftId}/comments`, {
      headers: { authorization: `Bearer ${(await server.login('usa')).token}` },
    });
    const { threads } = (await response.json()) as { threads: CommentThread[] };
    expect(threads.find((t) => t.id === thread.id)?.replies).toHaveLength(1);
  });

  it('lets authors edit and soft-delete only their own comments', async () => {
    const kz = await join('kazakhstan');
    const eu = await join('eu');
    const { comment } = ok<CommentAck>(await emitAck(kz, 'comment:create', { draftId, anchor: urgesAnchor(), text: 'First thought' }));
    expect(await emitAck(eu, 'comment:edit', { commentId: comment.id, text: 'Hijacked' })).toEqual({
      ok: false,
      error: 'only its author can change a comment',
    });
    expect(await emitAck(eu, 'comment:delete', { commentId: comment.id })).toMatchObject({ ok: false });
    const edited = ok<CommentAck>(await emitAck(kz, 'comment:edit', { commentId: comment.id, text: 'Second thought' }));
    expect(edited.comment.editedAt).not.toBeNull();
    ok(await emitAck(eu, 'comment:reply', { commentId: comment.id, text: 'Noted' }));
    const deleted = ok<CommentAck>(await emitAck(kz, 'comment:delete', { commentId: comment.id }));
    expect(deleted.comment).toMatchObject({ text: '', deletedAt: expect.any(String) });
    expect(deleted.thread.replyCount).toBe(1);
  });

  it('refuses bad input and stores nothing', async () => {
    const kz = await join('kazakhstan');
    const before = (await server.store.comments.listByDraft(draftId)).length;
    const other = (await server.store.drafts.list()).length;
    expect(other).toBeGreaterThan(0);
    const refusals = [
      await emitAck(kz, 'comment:create', { draftId, anchor: urgesAnchor(), text: 'x'.repeat(4001) }),
      await emitAck(kz, 'comment:create', { draftId, anchor: urgesAnchor(), text: '   ' }),
      await emitAck(kz, 'comment:create', { draftId, anchor: { ...urgesAnchor(), start: 'AAAA' }, text: 'bad anchor' }),
      await emitAck(kz, 'comment:create', { draftId, anchor: { ...urgesAnchor(), paragraphId: 'p-nope' }, text: 'wrong paragraph' }),
      await emitAck(kz, 'comment:create', { draftId: 'not-joined', anchor: urgesAnchor(), text: 'not joined' }),
      await emitAck(kz, 'comment:create', 'garbage'),
      await emitAck(kz, 'comment:reply', { commentId: 'no-such-comment', text: 'hello' }),
    ];
    for (const ack of refusals) expect(ack).toMatchObject({ ok: false, error: expect.any(String) });
    expect(await server.store.comments.listByDraft(draftId)).toHaveLength(before);
  });

  it('refuses an anchor made against another draft', async () => {
    const response = await fetch(`${server.url}/api/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${(await server.login('chair')).token}` },
      body: JSON.stringify({ title: 'Another draft' }),
    });
    const { draft } = (await response.json()) as { draft: { id: string } };
    const other = connectYjs(server.wsUrl, draft.id, (await server.login('eu')).token);
    await other.synced;
    const foreign = anchorOn(findParagraph(other.doc, 'Decides'), 'Decides');
    other.destroy();
    const kz = await join('kazakhstan');
    expect(await emitAck(kz, 'comment:create', { draftId, anchor: foreign, text: 'cross-draft' })).toMatchObject({
      ok: false,
      error: 'the anchor does not point into this draft',
    });
  });

  it('does not let an observer comment or a non-member act on a thread', async () => {
    const observer = await join('secretariat');
    expect(await emitAck(observer, 'comment:create', { draftId, anchor: urgesAnchor(), text: 'observing' })).toMatchObject({
      ok: false,
      error: 'observers cannot comment',
    });
    const kz = await join('kazakhstan');
    const { comment } = ok<CommentAck>(await emitAck(kz, 'comment:create', { draftId, anchor: urgesAnchor(), text: 'mine' }));
    const outsider = await connectSocket(server.url, (await server.login('usa')).token);
    sockets.push(outsider);
    expect(await emitAck(outsider, 'comment:reply', { commentId: comment.id, text: 'sneaky' })).toEqual({
      ok: false,
      error: 'join the draft first',
    });
  });
});
