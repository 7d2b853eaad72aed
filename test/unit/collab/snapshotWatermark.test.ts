import * as Y from 'yjs';
import type { UpdateOrigin } from '../../../server/collab/origin';
import { StoredSeqWatermark } from '../../../server/collab/storedSeqWatermark';
import type { DocumentStore } from '../../../server/store/types';
import { baseDoc, DRAFT, openRoomFixture, paragraphText, type RoomFixture } from './roomFixture';

describe('StoredSeqWatermark', () => {
  it('moves only through an unbroken run of seqs, whatever order they are noted in', () => {
    const watermark = new StoredSeqWatermark(3);
    watermark.note(2);
    expect(watermark.value).toBe(3);
    watermark.note(5);
    watermark.note(6);
    expect([watermark.value, watermark.waiting]).toEqual([3, 2]);
    watermark.note(4);
    expect([watermark.value, watermark.waiting]).toEqual([6, 0]);
    watermark.note(6);
    expect(watermark.value).toBe(6);
  });
});

/**
 * What a load of the draft shows: the fixture's starting paragraph, the snapshot, then the log
 * after it; the letters sorted, as two instances' concurrent inserts are ordered by client id.
 */
async function loadedText(documents: DocumentStore): Promise<{ text: string; snapshotSeq: number | null }> {
  const { snapshot, updates } = await documents.load(DRAFT);
  const doc = baseDoc();
  if (snapshot) Y.applyUpdate(doc, snapshot.state);
  for (const entry of updates) Y.applyUpdate(doc, entry.update);
  const text = [...paragraphText(doc).toString()].sort().join('');
  doc.destroy();
  return { text, snapshotSeq: snapshot?.seq ?? null };
}

describe('Room: the watermark its snapshots claim', () => {
  let fixture: RoomFixture;
  let otherInstance: Y.Doc;

  beforeEach(async () => {
    fixture = await openRoomFixture();
    otherInstance = baseDoc();
  });
  afterEach(async () => {
    otherInstance.destroy();
    await fixture.dispose();
  });

  /** Another instance's edit, stored in the shared log; its update, for relaying. */
  async function storedByAnotherInstance(text: string): Promise<{ seq: number; update: Uint8Array }> {
    const before = Y.encodeStateVector(otherInstance);
    paragraphText(otherInstance).insert(0, text);
    const update = Y.encodeStateAsUpdate(otherInstance, before);
    const [stored] = await fixture.temp.store.documents.append([{ draftId: DRAFT, update, authorId: 'user-other', at: new Date().toISOString() }]);
    return { seq: stored.seq, update };
  }

  function typeInRoom(text: string): void {
    fixture.room.changeAsServer('user-kz', (doc) => paragraphText(doc).insert(paragraphText(doc).length, text));
  }

  it('stays below an entry another instance stored until the room is told it has it, so a load never loses it', async () => {
    const { documents } = fixture.temp.store;
    const other = await storedByAnotherInstance('A');
    typeInRoom('b');
    await fixture.room.saveSnapshotIfBehind();
    // The room's own edit is seq 2, but seq 1 is not in its state: the snapshot may claim nothing.
    expect(fixture.room.storedSeqWatermark).toBe(0);
    expect(await loadedText(documents)).toEqual({ text: 'Ab', snapshotSeq: 0 });

    // As the relay does: apply the other instance's update (not persisted again), then note its seq.
    Y.applyUpdate(fixture.room.doc, other.update, { source: 'store' } satisfies UpdateOrigin);
    fixture.room.noteStoredSeq(other.seq);
    expect(fixture.room.storedSeqWatermark).toBe(2);
    typeInRoom('c');
    await fixture.room.saveSnapshotIfBehind();
    expect(fixture.room.storedSeqWatermark).toBe(3);
    expect(await loadedText(documents)).toEqual({ text: 'Abc', snapshotSeq: 3 });
    expect((await documents.load(DRAFT)).updates).toEqual([]);
  });

  it('ignores seqs it loaded already and moves on through its own writes', async () => {
    typeInRoom('x');
    typeInRoom('y');
    await fixture.persistence.barrier();
    expect(fixture.room.storedSeqWatermark).toBe(2);
    fixture.room.noteStoredSeq(1);
    expect(fixture.room.storedSeqWatermark).toBe(2);
  });
});
