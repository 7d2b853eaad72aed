import * as Y from 'yjs';
import { ClientIdOwnership } from '../../../server/collab/clientIdOwnership';
import { PersistenceQueue } from '../../../server/collab/persistenceQueue';
import type { Room } from '../../../server/collab/room';
import { RoomRegistry, type RoomRegistryOptions } from '../../../server/collab/roomRegistry';
import type { DocumentStore } from '../../../server/store/types';
import { LogCapture } from '../../helpers/captureLogs';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';
import { updatesOf } from '../../helpers/yjsBytes';

const DRAFT = 'draft-1';
const IDLE_UNLOAD_MS = 20;

describe('RoomRegistry', () => {
  let temp: TempStore;
  let documents: DocumentStore;
  let persistence: PersistenceQueue;
  let registry: RoomRegistry;
  let options: RoomRegistryOptions;

  beforeEach(async () => {
    temp = await openTempSqliteStore();
    documents = temp.store.documents;
    const [update] = updatesOf(null, (doc) => doc.getText('t').insert(0, 'seeded text'));
    await documents.append([{ draftId: DRAFT, update, authorId: 'author', at: new Date().toISOString() }]);
    const logger = new LogCapture().logger;
    persistence = new PersistenceQueue(documents, logger);
    const ownership = new ClientIdOwnership(temp.store.clientIds);
    options = { documents, persistence, logger, ownership, snapshotEvery: 1000, idleUnloadMs: IDLE_UNLOAD_MS };
    registry = new RoomRegistry(options);
  });
  afterEach(async () => {
    jest.useRealTimers();
    await registry.closeAll();
    await persistence.close();
    await temp.dispose();
  });

  it('loads a draft once for concurrent acquires and hands everyone the same room', async () => {
    const load = jest.spyOn(documents, 'load');
    const rooms = await Promise.all([registry.acquire(DRAFT), registry.acquire(DRAFT), registry.acquire(DRAFT)]);
    expect(new Set(rooms).size).toBe(1);
    expect(rooms[0].doc.getText('t').toString()).toBe('seeded text');
    expect(await registry.acquire(DRAFT)).toBe(rooms[0]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(registry.loadedCount).toBe(1);
  });

  it('refuses every waiting acquire when the load fails, and reads the store again on the next one', async () => {
    const load = jest.spyOn(documents, 'load').mockRejectedValueOnce(new Error('store down'));
    const attempts = await Promise.allSettled([registry.acquire(DRAFT), registry.acquire(DRAFT)]);
    expect(attempts).toEqual([
      { status: 'rejected', reason: new Error('store down') },
      { status: 'rejected', reason: new Error('store down') },
    ]);
    expect(registry.loadedCount).toBe(0);

    const room = await registry.acquire(DRAFT);
    expect(load).toHaveBeenCalledTimes(2);
    expect(room.doc.getText('t').toString()).toBe('seeded text');
  });

  describe('binary state (liveDocumentIdleMs)', () => {
    const LIVE_IDLE_MS = 20;
    const destroyed = (doc: Y.Doc) => new Promise((resolve) => doc.once('destroy', resolve));
    /** The answer of the room's next attempt to go back to binary state (its idle timer's). */
    const nextReleaseAttempt = (room: Room) =>
      new Promise<boolean>((resolve) => {
        const toBinary = room.document.toBinary.bind(room.document);
        jest.spyOn(room.document, 'toBinary').mockImplementationOnce(() => {
          const released = toBinary();
          resolve(released);
          return released;
        });
      });

    beforeEach(() => {
      registry = new RoomRegistry({ ...options, liveDocumentIdleMs: LIVE_IDLE_MS });
    });

    it('loads a draft as binary state; a change builds its document, which goes back to binary state once idle', async () => {
      const room = await registry.acquire(DRAFT);
      expect([room.document.isLive, registry.liveDocumentCount, registry.loadedCount]).toEqual([false, 0, 1]);
      room.changeAsServer('chair', (doc) => doc.getText('t').insert(0, 'Revised: '));
      expect(registry.liveDocumentCount).toBe(1);
      await destroyed(room.doc);
      expect([room.document.isLive, registry.liveDocumentCount, registry.loadedCount]).toEqual([false, 0, 1]);
      expect(room.doc.getText('t').toString()).toBe('Revised: seeded text');
      registry.release(DRAFT);
    });

    it('compacts a long log tail as it loads, from the binary state, without building a document', async () => {
      const source = new Y.Doc();
      const updates: Uint8Array[] = [];
      source.on('update', (update: Uint8Array) => updates.push(update));
      for (const word of ['one ', 'two ', 'three ']) source.getText('t').insert(source.getText('t').length, word);
      source.destroy();
      const stored = await documents.append(updates.map((update) => ({ draftId: DRAFT, update, authorId: 'author', at: new Date().toISOString() })));
      registry = new RoomRegistry({ ...options, snapshotEvery: 3, liveDocumentIdleMs: LIVE_IDLE_MS });
      const saved = new Promise<void>((resolve) => {
        const saveSnapshot = documents.saveSnapshot.bind(documents);
        jest.spyOn(documents, 'saveSnapshot').mockImplementationOnce(async (draftId, snapshot) => {
          await saveSnapshot(draftId, snapshot);
          resolve();
        });
      });
      const room = await registry.acquire(DRAFT);
      await saved;
      expect(room.document.isLive).toBe(false);
      const { snapshot, updates: tail } = await documents.load(DRAFT);
      expect([snapshot!.seq, tail]).toEqual([stored.at(-1)!.seq, []]);
      expect(snapshot!.state).toEqual(room.document.encodeState());
      registry.release(DRAFT);
    });

    it('keeps the document a withRoom call uses across its awaits, then lets it go', async () => {
      let used: Y.Doc | null = null;
      await registry.withRoom(DRAFT, async (room) => {
        used = room.doc;
        const undo = new Y.UndoManager(used.getText('t'), { trackedOrigins: new Set([Object]) });
        room.changeAsServer('chair', (doc) => doc.getText('t').insert(0, 'Revised: '));
        expect(await nextReleaseAttempt(room)).toBe(false);
        expect(room.doc).toBe(used);
        undo.undo();
        expect(room.doc.getText('t').toString()).toBe('seeded text');
        undo.destroy();
      });
      await destroyed(used!);
      expect(registry.liveDocumentCount).toBe(0);
    });
  });

  it('unloads a room idle for idleUnloadMs, writing a snapshot of its changes first', async () => {
    const room = await registry.acquire(DRAFT);
    room.changeAsServer('chair', (doc) => doc.getText('t').insert(0, 'Revised: '));
    const unloaded = new Promise((resolve) => room.doc.once('destroy', resolve));
    registry.release(DRAFT);
    await unloaded;

    expect(registry.loadedCount).toBe(0);
    const stored = await documents.load(DRAFT);
    expect(stored.updates).toEqual([]);
    expect(stored.snapshot?.seq).toBe(await documents.lastSeq(DRAFT));
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, stored.snapshot!.state);
    expect(reloaded.getText('t').toString()).toBe('Revised: seeded text');
    reloaded.destroy();
  });

  it('reads a draft without making its room live, and lets the room go after the read', async () => {
    expect(await registry.read(DRAFT, (doc) => doc.getText('t').toString())).toBe('seeded text');
    const room = registry.peek(DRAFT)!;
    expect([room.document.isLive, registry.liveDocumentCount]).toEqual([false, 0]);
    await new Promise((resolve) => room.awareness.once('destroy', resolve));
    expect(registry.loadedCount).toBe(0);
  });

  it('derives from binary state once per state, from the live document each time, never from text that changed', async () => {
    const textOf = jest.fn((doc: Y.Doc) => doc.getText('t').toString());
    const derived = () => registry.derive(DRAFT, textOf);
    expect([await derived(), await derived()]).toEqual(['seeded text', 'seeded text']);
    expect(textOf).toHaveBeenCalledTimes(1);
    const room = registry.peek(DRAFT)!;
    expect(room.document.isLive).toBe(false);

    room.changeAsServer('chair', (doc) => doc.getText('t').insert(0, 'Revised: '));
    expect([await derived(), await derived()]).toEqual(['Revised: seeded text', 'Revised: seeded text']);
    expect(textOf).toHaveBeenCalledTimes(3);
    expect(room.document.toBinary()).toBe(true);
    expect([await derived(), await derived()]).toEqual(['Revised: seeded text', 'Revised: seeded text']);
    // Read again within the idle period of the first transient read: the live document was built, and is read each time (see RoomDocument.read).
    expect([textOf.mock.calls.length, room.document.isLive]).toEqual([5, true]);
  });

  it('keeps a room that is held, or taken again before the idle time is up', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const room = await registry.acquire(DRAFT);
    let destroyed = false;
    room.doc.once('destroy', () => (destroyed = true));

    await jest.advanceTimersByTimeAsync(IDLE_UNLOAD_MS * 10);
    registry.release(DRAFT);
    await jest.advanceTimersByTimeAsync(IDLE_UNLOAD_MS / 2);
    expect(await registry.acquire(DRAFT)).toBe(room);
    await jest.advanceTimersByTimeAsync(IDLE_UNLOAD_MS * 10);
    expect([destroyed, registry.loadedCount]).toEqual([false, 1]);

    registry.release(DRAFT);
    await jest.advanceTimersByTimeAsync(IDLE_UNLOAD_MS);
    expect([destroyed, registry.loadedCount]).toEqual([true, 0]);
  });

  it('forgets the idle timer armed while a room was unloading, so it never unloads the next room', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    const unloadHook: Room[] = [];
    let enteredHook = () => {};
    const hookEntered = new Promise<void>((resolve) => (enteredHook = resolve));
    let finishHook = () => {};
    const hookHeld = new Promise<void>((resolve) => (finishHook = resolve));
    registry = new RoomRegistry({
      ...options,
      beforeUnload: async (room) => {
        unloadHook.push(room);
        enteredHook();
        if (unloadHook.length === 1) await hookHeld;
      },
    });

    const first = await registry.acquire(DRAFT);
    const firstDestroyed = new Promise((resolve) => first.doc.once('destroy', resolve));
    registry.release(DRAFT);
    await jest.advanceTimersByTimeAsync(IDLE_UNLOAD_MS);
    await hookEntered;
    // Taken and given back while its unload waits: the release arms an idle timer again.
    expect(await registry.acquire(DRAFT)).toBe(first);
    registry.release(DRAFT);
    finishHook();
    await firstDestroyed;

    const second = await registry.acquire(DRAFT);
    expect(second).not.toBe(first);
    await jest.advanceTimersByTimeAsync(IDLE_UNLOAD_MS * 10);
    expect(unloadHook).toEqual([first]);
    expect(registry.peek(DRAFT)).toBe(second);
    registry.release(DRAFT);
  });
});
