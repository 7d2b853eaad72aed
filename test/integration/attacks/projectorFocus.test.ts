import type { ProjectorFocus } from '../../../shared/projector';
import { numberParagraphs } from '../../../shared/numbering';
import { loadDocument } from '../../../server/collab/loadDocument';
import { draftNodeOf } from '../../../server/domain/paragraphs/draftNode';
import { LogCapture } from '../../helpers/captureLogs';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../../helpers/socketClient';
import { startTestServer, type TestServer } from '../../helpers/testServer';

type FocusAck = { focus: ProjectorFocus };

describe('projector focus: the paragraph under discussion', () => {
  const logs = new LogCapture();
  let server: TestServer;
  let draftId: string;
  let paragraphIds: string[];
  const sockets: ClientSocket[] = [];

  /** A socket.io client of `username` that joined the demo draft. */
  const joined = async (username: string): Promise<ClientSocket> => {
    const socket = await connectSocket(server.url, (await server.login(username)).token);
    sockets.push(socket);
    expect(await emitAck(socket, 'draft:join', { draftId })).toMatchObject({ ok: true });
    return socket;
  };
  const paragraphsOf = async (id: string) => {
    const { doc } = await loadDocument(server.store.documents, id, logs.logger);
    const ids = numberParagraphs(draftNodeOf(doc)).flatMap((paragraph) => (paragraph.id ? [paragraph.id] : []));
    doc.destroy();
    return ids;
  };
  const focus = (socket: ClientSocket, paragraphId: string | null, draft = draftId) =>
    emitAck<FocusAck>(socket, 'projector:focus', { draftId: draft, paragraphId });

  beforeAll(async () => {
    server = await startTestServer({}, logs.logger);
    draftId = await server.demoDraftId();
    paragraphIds = await paragraphsOf(draftId);
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));
  afterAll(() => server.stop());

  it('broadcasts the facilitator\'s focus to the room, acks it, and greets a late joiner with it', async () => {
    const chair = await joined('chair');
    const delegate = await joined('kazakhstan');
    const heard = nextEvent<ProjectorFocus>(delegate, 'projector:focused');
    const ack = await focus(chair, paragraphIds[3]);
    expect(ack).toMatchObject({ ok: true, focus: { draftId, paragraphId: paragraphIds[3], byName: 'Facilitator' } });
    expect(await heard).toMatchObject({ draftId, paragraphId: paragraphIds[3] });

    const lateSocket = await connectSocket(server.url, (await server.login('eu')).token);
    sockets.push(lateSocket);
    const greeted = nextEvent<ProjectorFocus>(lateSocket, 'projector:focused');
    expect(await emitAck(lateSocket, 'draft:join', { draftId })).toMatchObject({ ok: true });
    expect(await greeted).toMatchObject({ draftId, paragraphId: paragraphIds[3] });

    // Cleared: nothing is under discussion, and the room hears that too.
    const cleared = nextEvent<ProjectorFocus>(delegate, 'projector:focused');
    expect(await focus(chair, null)).toMatchObject({ ok: true, focus: { paragraphId: null } });
    expect(await cleared).toMatchObject({ paragraphId: null });
  });

  it('refuses a delegate and an observer, and the room hears nothing of it', async () => {
    const chair = await joined('chair');
    expect(await focus(chair, paragraphIds[1])).toMatchObject({ ok: true });
    const delegate = await joined('usa');
    const observer = await joined('secretariat');
    const heard: ProjectorFocus[] = [];
    chair.on('projector:focused', (payload) => heard.push(payload));

    expect(await focus(delegate, paragraphIds[2])).toEqual({ ok: false, error: 'Only a facilitator sets the paragraph under discussion' });
    expect(await focus(observer, paragraphIds[2])).toEqual({ ok: false, error: 'Only a facilitator sets the paragraph under discussion' });
    expect(await focus(delegate, null)).toMatchObject({ ok: false });
    // A round trip after the refusals: anything they had broadcast would have arrived before it.
    const last = nextEvent(chair, 'projector:focused');
    expect(await focus(chair, paragraphIds[1])).toMatchObject({ ok: true });
    await last;
    expect(heard.map((payload) => payload.paragraphId)).toEqual([paragraphIds[1]]);
    expect(logs.entries.some((line) => line.msg === 'event refused' && line.event === 'projector:focus')).toBe(true);
  });

  it('refuses a paragraph of another draft, an unknown id, a draft not joined and a malformed payload', async () => {
    const chair = await joined('chair');
    const otherDraft = (await server.store.drafts.list()).find((draft) => draft.id !== draftId)!;
    const [foreignParagraph] = await paragraphsOf(otherDraft.id);
    expect(foreignParagraph).toBeDefined();

    expect(await focus(chair, foreignParagraph)).toEqual({ ok: false, error: 'There is no such paragraph in this draft' });
    expect(await focus(chair, 'no-such-paragraph')).toEqual({ ok: false, error: 'There is no such paragraph in this draft' });
    expect(await focus(chair, foreignParagraph, otherDraft.id)).toEqual({ ok: false, error: 'join the draft first' });
    expect(await emitAck(chair, 'projector:focus', { draftId, paragraphId: 42 })).toMatchObject({ ok: false });
    expect(await emitAck(chair, 'projector:focus', { draftId })).toMatchObject({ ok: false });
  });
});
