import * as Y from 'yjs';
import { RoomDocument } from '../../../server/collab/roomDocument';

const IDLE_MS = 1_000;

function draft(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'operative paragraph 1');
  doc.getMap('meta').set('symbol', 'A/C.3/L.4');
  doc.getText('t').delete(0, 10);
  return doc;
}

function stateOf(doc: Y.Doc) {
  return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}

function contentOf(doc: Y.Doc) {
  return { text: doc.getText('t').toString(), meta: doc.getMap('meta').toJSON(), stateVector: Y.encodeStateVector(doc) };
}

/** What a client holding `client` has after applying `answer`. */
function applied(client: Y.Doc, answer: Uint8Array) {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client));
  Y.applyUpdate(copy, answer);
  const content = contentOf(copy);
  copy.destroy();
  return content;
}

describe('RoomDocument', () => {
  const made: Y.Doc[] = [];
  const rooms: RoomDocument[] = [];
  const track = (doc: Y.Doc) => (made.push(doc), doc);
  const open = (source: Y.Doc, listen = jest.fn(() => () => {})) => {
    const room = new RoomDocument(stateOf(source), { listen, idleMs: IDLE_MS });
    rooms.push(room);
    return room;
  };
  afterEach(() => {
    jest.useRealTimers();
    rooms.splice(0).forEach((room) => room.destroy());
    made.splice(0).forEach((doc) => doc.destroy());
  });

  it('answers from binary state what a live document answers, without building one', () => {
    const source = track(draft());
    const room = open(source);
    const live = track(new Y.Doc());
    Y.applyUpdate(live, Y.encodeStateAsUpdate(source));
    const partial = track(new Y.Doc());
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(source));
    partial.getText('t').insert(0, 'its own ');
    const clients = [track(new Y.Doc()), partial, live];
    for (const client of clients) {
      const stateVector = Y.encodeStateVector(client);
      expect(applied(client, room.diff(stateVector))).toEqual(applied(client, Y.encodeStateAsUpdate(live, stateVector)));
    }
    expect(room.stateVector).toEqual(Y.encodeStateVector(live));
    expect(room.encodeState()).toEqual(Y.encodeStateAsUpdate(source));
    expect(room.isLive).toBe(false);
  });

  it('works out the answer to clients that are up to date once (a reconnecting crowd after a restart)', () => {
    const source = track(draft());
    const room = open(source);
    const upToDate = () => {
      const client = track(new Y.Doc());
      Y.applyUpdate(client, room.diff(new Uint8Array([0])));
      return Y.encodeStateVector(client);
    };
    const first = room.diff(upToDate());
    expect(room.diff(upToDate())).toBe(first);
    expect(first).toEqual(Y.encodeStateAsUpdate(source, Y.encodeStateVector(source)));
    expect(room.isLive).toBe(false);
  });

  it('builds the document on first need, and goes back to binary state with every change kept', () => {
    const source = track(draft());
    const detach = jest.fn();
    const listen = jest.fn(() => detach);
    const room = open(source, listen);
    const doc = room.doc;
    expect([room.isLive, listen.mock.calls.length, contentOf(doc)]).toEqual([true, 1, contentOf(source)]);
    expect(room.doc).toBe(doc);
    doc.getText('t').insert(0, 'edited ');
    const edited = contentOf(doc);
    const serverClient = doc.clientID;

    expect(room.toBinary()).toBe(true);
    expect([room.isLive, detach.mock.calls.length, doc.isDestroyed]).toEqual([false, 1, true]);
    expect(room.stateVector).toEqual(edited.stateVector);
    expect(applied(track(new Y.Doc()), room.diff(new Uint8Array([0])))).toEqual(edited);

    const again = room.doc;
    expect([contentOf(again), listen.mock.calls.length]).toEqual([edited, 2]);
    // The server writes under one client id, whichever document it is in.
    expect(again.clientID).toBe(serverClient);
    again.getText('t').insert(0, 'more ');
    expect(Y.encodeStateVector(again)).not.toEqual(edited.stateVector);
  });

  it("does not take back a client id Yjs gave up because someone else wrote under it", () => {
    const room = open(track(draft()));
    const doc = room.doc;
    doc.getText('t').insert(0, 'by the server ');
    const serverClient = doc.clientID;
    // A client that writes under the server's id (a modified one: the id is in every state it is sent).
    const impostor = track(new Y.Doc());
    Y.applyUpdate(impostor, Y.encodeStateAsUpdate(doc));
    impostor.clientID = serverClient;
    impostor.getText('t').insert(0, 'by the impostor ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(impostor, Y.encodeStateVector(doc)));
    // Yjs moves a document that sees its own id used by someone else to a new one.
    const renewed = doc.clientID;
    expect(renewed).not.toBe(serverClient);

    expect(room.toBinary()).toBe(true);
    expect(room.doc.clientID).toBe(renewed);
  });

  it('keeps a held document, and lets it go once released', () => {
    const room = open(track(draft()));
    const doc = room.doc;
    const release = room.hold();
    expect(room.toBinary()).toBe(false);
    expect(room.doc).toBe(doc);
    release();
    release(); // twice is once
    expect(room.toBinary()).toBe(true);
    expect(room.toBinary()).toBe(false);
  });

  it('goes back to binary state after idleMs without a change, not while held, not while changed', () => {
    jest.useFakeTimers();
    const room = open(track(draft()));
    const doc = room.doc;
    jest.advanceTimersByTime(IDLE_MS * 0.9);
    doc.getText('t').insert(0, 'x');
    jest.advanceTimersByTime(IDLE_MS * 0.9);
    expect(room.isLive).toBe(true);
    const release = room.hold();
    jest.advanceTimersByTime(IDLE_MS * 3);
    expect(room.isLive).toBe(true);
    release();
    jest.advanceTimersByTime(IDLE_MS);
    expect(room.isLive).toBe(false);
    expect(doc.isDestroyed).toBe(true);
  });

  it('starts live from a document, and destroys it with the room', () => {
    const doc = draft();
    const listen = jest.fn(() => () => {});
    const room = new RoomDocument({ doc }, { listen, idleMs: IDLE_MS });
    expect([room.isLive, room.doc === doc, listen.mock.calls.length]).toEqual([true, true, 1]);
    room.destroy();
    expect(doc.isDestroyed).toBe(true);
  });
  describe('read', () => {
    const textOf = (doc: Y.Doc) => doc.getText('t').toString();

    it('reads binary state through a transient document it destroys, and stays binary', () => {
      const source = track(draft());
      const listen = jest.fn(() => () => {});
      const room = open(source, listen);
      let seen: Y.Doc | null = null;
      expect(room.read((doc) => ((seen = doc), textOf(doc)))).toBe(textOf(source));
      expect([seen!.isDestroyed, room.isLive, listen.mock.calls.length]).toEqual([true, false, 0]);
      const failing = open(track(draft()));
      expect(() => failing.read(() => { throw new Error('bad read'); })).toThrow('bad read');
      expect(failing.isLive).toBe(false);
    });

    it('builds the live document for a second read within idleMs, and reads transiently again once it went back', () => {
      jest.useFakeTimers();
      const room = open(track(draft()));
      const docs: Y.Doc[] = [];
      room.read((doc) => docs.push(doc));
      jest.advanceTimersByTime(IDLE_MS * 0.9);
      room.read((doc) => docs.push(doc));
      expect([room.isLive, docs[1] === room.doc, docs[0].isDestroyed]).toEqual([true, true, true]);
      jest.advanceTimersByTime(IDLE_MS * 1.1);
      expect(room.isLive).toBe(false);
      room.read((doc) => docs.push(doc));
      expect([room.isLive, docs[2].isDestroyed]).toEqual([false, true]);
    });

    it('keeps a transient document until an asynchronous read is done', async () => {
      const room = open(track(draft()));
      let finish!: () => void;
      let seen: Y.Doc | null = null;
      const reading = room.read(async (doc) => {
        seen = doc;
        await new Promise<void>((resolve) => (finish = resolve));
        return textOf(doc);
      });
      expect(seen!.isDestroyed).toBe(false);
      finish();
      expect(await reading).toBe('paragraph 1');
      expect([seen!.isDestroyed, room.isLive]).toEqual([true, false]);
    });

    it('reads the live document when there is one, and holds it until the read is done', async () => {
      const room = open(track(draft()));
      room.doc.getText('t').insert(0, 'new ');
      let finish!: () => void;
      const reading = room.read(async (doc) => {
        expect(doc).toBe(room.doc);
        await new Promise<void>((resolve) => (finish = resolve));
        return textOf(doc);
      });
      expect(room.toBinary()).toBe(false);
      finish();
      expect(await reading).toBe('new paragraph 1');
      expect([room.doc.isDestroyed, room.toBinary()]).toEqual([false, true]);
      // What the live document had, binary now: a read sees it.
      expect(room.read(textOf)).toBe('new paragraph 1');
      expect(room.isLive).toBe(false);
    });
  });
});
