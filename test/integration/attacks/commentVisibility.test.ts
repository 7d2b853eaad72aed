import type { CommentThread, ThreadCreated } from '../../../shared/comments';
import type { CommentAck } from '../../../shared/events';
import type { CommentVisibility } from '../../../shared/negotiations';
import { anchorOn, findParagraph } from '../../helpers/anchors';
import { requestJson } from '../../helpers/http';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, type YjsClient } from '../../helpers/yjsClient';

/**
 * Threads not visible to all: a delegation's internal notes and private notes to the chair
 * reach nobody else, by broadcast, by the comments list, or by acting on the thread's id.
 */
describe('attack: comment threads visible to a delegation or to the facilitators only', () => {
  let server: TestServer;
  let draftId: string;
  let yjs: YjsClient;
  const tokens: Record<string, string> = {};
  const sockets: Record<string, ClientSocket> = {};
  /** Every thread each person heard of, in order. */
  const heard: Record<string, string[]> = {};
  const people = ['eu', 'euExpert', 'kazakhstan', 'chair', 'secretariat'];

  beforeAll(async () => {
    server = await startTestServer();
    draftId = await server.demoDraftId();
    const negotiationId = (await server.store.drafts.get(draftId))!.negotiationId;
    const admin = (await server.login('admin')).token;
    const expert = await requestJson<{ user: { id: string } }>(`${server.url}/api/users`, {
      token: admin,
      json: { username: 'eu-expert', displayName: 'Expert of the European Union', password: 'negotiate' },
    });
    await requestJson(`${server.url}/api/negotiations/${negotiationId}/members/${expert.body.user.id}`, {
      method: 'PUT',
      token: admin,
      json: { role: 'delegate', delegation: 'European Union' },
    });
    for (const name of people) {
      tokens[name] = (await server.login(name === 'euExpert' ? 'eu-expert' : name)).token;
      sockets[name] = await connectSocket(server.url, tokens[name]);
      heard[name] = [];
      sockets[name].on('comment:created', (change) => heard[name].push(change.comment.text));
      sockets[name].on('comment:updated', (change) => heard[name].push(change.comment.text));
      expect(await emitAck(sockets[name], 'draft:join', { draftId })).toMatchObject({ ok: true });
    }
    yjs = connectYjs(server.wsUrl, draftId, tokens.chair);
    await yjs.synced;
  });
  afterAll(async () => {
    Object.values(sockets).forEach((s) => s.disconnect());
    yjs.destroy();
    await server.stop();
  });

  const anchor = () => anchorOn(findParagraph(yjs.doc, 'Urges Member States'), 'Urges');
  const create = async (name: string, text: string, visibility?: CommentVisibility) =>
    (await emitAck<CommentAck>(sockets[name], 'comment:create', { draftId, anchor: anchor(), text, visibility })) as { ok: true } & ThreadCreated;
  /** A thread for all, then waits until everyone heard it: events reach each socket in order, so anything before it has arrived. */
  const settle = async (marker: string) => {
    const everyone = Promise.all(people.map((name) => nextEvent<ThreadCreated>(sockets[name], 'comment:created', (c) => c.comment.text === marker)));
    await create('chair', marker);
    await everyone;
  };
  const threadsSeenBy = async (name: string) =>
    (await requestJson<{ threads: CommentThread[] }>(`${server.url}/api/drafts/${draftId}/comments`, { token: tokens[name] })).body.threads.map((t) => t.root.text);

  it("keeps a delegation's internal note within the delegation, replies included", async () => {
    const note = await create('eu', 'EU internal: we can accept "encourages".', 'delegation');
    expect(note).toMatchObject({ ok: true, thread: { visibility: 'delegation' } });
    expect(await emitAck(sockets.euExpert, 'comment:reply', { commentId: note.thread.id, text: 'EU internal: agreed.' })).toMatchObject({
      ok: true,
      thread: { visibility: 'delegation', replyCount: 1 },
    });
    await settle('marker 1');
    for (const name of ['eu', 'euExpert']) expect(heard[name]).toEqual(expect.arrayContaining(['EU internal: we can accept "encourages".', 'EU internal: agreed.']));
    for (const name of ['kazakhstan', 'chair', 'secretariat']) expect(heard[name].filter((t) => t.startsWith('EU internal'))).toEqual([]);

    expect(await threadsSeenBy('euExpert')).toContain('EU internal: we can accept "encourages".');
    for (const name of ['kazakhstan', 'chair', 'secretariat']) expect(await threadsSeenBy(name)).not.toContain('EU internal: we can accept "encourages".');
  });

  it('answers "no such comment" to anyone outside the audience who acts on the thread by its id', async () => {
    const note = await create('eu', 'EU internal: second note.', 'delegation');
    for (const [event, payload] of [
      ['comment:reply', { commentId: note.thread.id, text: 'Kazakhstan listens in' }],
      ['comment:resolve', { commentId: note.thread.id }],
      ['comment:edit', { commentId: note.comment.id, text: 'Overwritten' }],
    ] as const) {
      expect(await emitAck(sockets.kazakhstan, event, payload)).toEqual({ ok: false, error: 'no such comment' });
    }
    expect(await emitAck(sockets.chair, 'comment:resolve', { commentId: note.thread.id })).toEqual({ ok: false, error: 'no such comment' });
    expect((await server.store.comments.listThread(note.thread.id)).map((c) => c.text)).toEqual(['EU internal: second note.']);
  });

  it('shows a private note to the chair only to its author and the facilitators', async () => {
    const note = await create('kazakhstan', 'To the chair: we need more time on OP2.', 'facilitators');
    expect(note).toMatchObject({ ok: true, thread: { visibility: 'facilitators' } });
    await settle('marker 2');
    expect(heard.chair).toContain('To the chair: we need more time on OP2.');
    for (const name of ['eu', 'euExpert', 'secretariat']) expect(heard[name]).not.toContain('To the chair: we need more time on OP2.');
    expect(await threadsSeenBy('chair')).toContain('To the chair: we need more time on OP2.');
    expect(await threadsSeenBy('eu')).not.toContain('To the chair: we need more time on OP2.');
    // The chair may resolve it; the change reaches only the audience too.
    expect(await emitAck(sockets.chair, 'comment:resolve', { commentId: note.thread.id })).toMatchObject({ ok: true, thread: { visibility: 'facilitators' } });
  });

  it('refuses an unknown visibility and stores nothing', async () => {
    const before = (await server.store.comments.listByDraft(draftId)).length;
    expect(await emitAck(sockets.eu, 'comment:create', { draftId, anchor: anchor(), text: 'x', visibility: 'everyone-but-usa' })).toMatchObject({ ok: false, error: expect.stringMatching(/^visibility: /) });
    expect(await server.store.comments.listByDraft(draftId)).toHaveLength(before);
  });
});
