import type { CommentAnchor } from '../../../shared/comments';
import type { Ack } from '../../../shared/events';
import type { Config } from '../../../server/config';
import { anchorOn, findParagraph } from '../../helpers/anchors';
import { LogCapture } from '../../helpers/captureLogs';
import { connectSocket, emitAck, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs } from '../../helpers/yjsClient';

/** A modified client floods comment events: the server refuses most, stays small and keeps serving the others. */
describe('attack: comment floods and amplification', () => {
  let server: TestServer;
  let draftId: string;
  let anchor: CommentAnchor;
  let logs: LogCapture;
  const sockets: ClientSocket[] = [];

  const start = async (overrides: Partial<Config>) => {
    logs = new LogCapture('warn');
    server = await startTestServer(overrides, logs.logger);
    draftId = await server.demoDraftId();
    const yjs = connectYjs(server.wsUrl, draftId, (await server.login('chair')).token);
    await yjs.synced;
    anchor = anchorOn(findParagraph(yjs.doc, 'Urges Member States'), 'Urges');
    yjs.destroy();
  };
  const joined = async (username: string) => {
    const socket = await connectSocket(server.url, (await server.login(username)).token);
    sockets.push(socket);
    expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true });
    return socket;
  };
  const create = (socket: ClientSocket, text = 'We cannot accept this wording.') =>
    emitAck<{ comment: { id: string } }>(socket, 'comment:create', { draftId, anchor, text });
  const oks = (acks: Array<Ack | 'disconnected'>) => acks.filter((ack) => ack !== 'disconnected' && ack.ok).length;

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.disconnect());
    await server.stop();
  });

  describe('with the default event budget (burst 20, 5 per second)', () => {
    const limits = { socketEventBurst: 20, socketEventsPerSecond: 5, socketRefusalsBeforeDisconnect: 100 };
    beforeEach(() => start(limits));

    it('refuses most of a flood sent over ten sockets of one user, logs it once, and serves another delegation', async () => {
      const began = Date.now();
      const flooders = await Promise.all(Array.from({ length: 10 }, () => joined('kazakhstan')));
      const acks = await Promise.all(flooders.flatMap((socket) => Array.from({ length: 8 }, () => create(socket))));
      const seconds = (Date.now() - began) / 1000;

      // Ten joins and the accepted creates together stay within one user's budget, however many sockets.
      const accepted = oks(acks);
      expect(10 + accepted).toBeLessThanOrEqual(limits.socketEventBurst + limits.socketEventsPerSecond * seconds);
      expect(accepted).toBeLessThan(acks.length / 4);
      const refused = acks.filter((ack) => !ack.ok);
      for (const ack of refused) expect(ack).toEqual({ ok: false, error: 'too many requests; slow down', retryAfterMs: expect.any(Number) });
      expect(Math.max(...refused.map((ack) => (ack as { retryAfterMs: number }).retryAfterMs))).toBeGreaterThan(0);
      expect(await server.store.comments.countOpenThreads(draftId)).toBe(accepted);
      // Logged once per run of refusals, not once per event.
      const throttled = logs.entries.filter((entry) => entry.msg === 'socket.io events throttled').length;
      expect(throttled).toBeGreaterThanOrEqual(1);
      expect(throttled).toBeLessThan(refused.length / 10);

      const eu = await joined('eu');
      expect(await create(eu, 'Another delegation is still heard.')).toMatchObject({ ok: true });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });

    it('disconnects a socket that keeps sending while refused', async () => {
      const flooder = await joined('belarus');
      const disconnected = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
      const ackOrDisconnect = () =>
        Promise.race([emitAck(flooder, 'draft:leave', { draftId }), disconnected.then(() => 'disconnected' as const)]);
      const acks = await Promise.all(Array.from({ length: 300 }, ackOrDisconnect));
      expect(acks).toContain('disconnected');
      expect(await disconnected).toBe('io server disconnect');
      expect(oks(acks)).toBeLessThanOrEqual(limits.socketEventBurst);
      expect(logs.entries.some((entry) => entry.msg === 'socket disconnected for flooding events')).toBe(true);
    });
  });

  describe('with caps of 3 open threads per draft, 2 replies per thread and 4 comments per user per hour', () => {
    beforeEach(() => start({ openThreadsPerDraft: 3, repliesPerThread: 2, commentsPerUserPerHour: 4 }));

    it('refuses threads past the cap, also when sent at once, and a reopen that would exceed it', async () => {
      const kz = await joined('kazakhstan');
      const acks = await Promise.all(Array.from({ length: 5 }, () => create(kz)));
      expect(oks(acks)).toBe(3);
      const full = 'this draft has 3 open threads, the most allowed; resolve some before opening another';
      expect(acks.filter((ack) => !ack.ok)).toEqual([
        { ok: false, error: full },
        { ok: false, error: full },
      ]);
      const [first, second] = acks.flatMap((ack) => (ack.ok ? [ack.comment.id] : []));
      expect(await emitAck(kz, 'comment:resolve', { commentId: first })).toMatchObject({ ok: true });
      expect(await create(kz)).toMatchObject({ ok: true });
      expect(await emitAck(kz, 'comment:reopen', { commentId: first })).toEqual({
        ok: false,
        error: 'this draft has 3 open threads, the most allowed; resolve some before reopening this one',
      });

      // Four comments posted this hour: resolving makes room for a thread, but not for a fifth comment.
      expect(await emitAck(kz, 'comment:resolve', { commentId: second })).toMatchObject({ ok: true });
      expect(await create(kz)).toEqual({
        ok: false,
        error: 'you have posted 4 comments on this draft in the last hour, the most allowed; try again later',
      });
    });

    it('refuses replies past the cap, also when sent at once', async () => {
      const kz = await joined('kazakhstan');
      const eu = await joined('eu');
      const created = await create(kz);
      if (!created.ok) throw new Error(created.error);
      const acks = await Promise.all(
        Array.from({ length: 3 }, (_, i) => emitAck(eu, 'comment:reply', { commentId: created.comment.id, text: `Reply ${i}` })),
      );
      expect(oks(acks)).toBe(2);
      expect(acks.find((ack) => !ack.ok)).toEqual({ ok: false, error: 'this thread has 2 replies, the most allowed; start a new thread' });
      expect(await server.store.comments.countReplies(created.comment.id)).toBe(2);
    });
  });

  describe('with budgets high enough for a long thread', () => {
    beforeEach(() =>
      start({ socketEventBurst: 10_000, socketEventsPerSecond: 10_000, repliesPerThread: 1_000, commentsPerUserPerHour: 10_000 }),
    );

    it('sends a listener bytes linear in the replies, not the whole thread each time', async () => {
      const kz = await joined('kazakhstan');
      const listener = await joined('eu');
      const received: number[] = [];
      listener.onAny((event: string, ...args: unknown[]) => {
        if (event === 'comment:updated') received.push(JSON.stringify(args).length);
      });
      const created = await create(kz);
      if (!created.ok) throw new Error(created.error);
      const replies = 300;
      for (let i = 0; i < replies; i++) {
        const ack = await emitAck(kz, 'comment:reply', { commentId: created.comment.id, text: `Reply number ${i}: we could accept "encourages".` });
        expect(ack.ok).toBe(true);
      }
      // The acknowledgement is sent after the broadcast: one more round trip drains the listener.
      await emitAck(listener, 'draft:join', { draftId });
      expect(received).toHaveLength(replies);
      const total = received.reduce((sum, bytes) => sum + bytes, 0);
      const sum = (bytes: number[]) => bytes.reduce((a, b) => a + b, 0);
      // The last hundred replies cost a listener what the first hundred did (the whole thread: about 4x more).
      expect(sum(received.slice(-100)) / sum(received.slice(0, 100))).toBeLessThan(1.1);
      expect(total).toBeLessThan(replies * 1_000);
    });
  });
});
