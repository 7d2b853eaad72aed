import * as Y from 'yjs';
import type { CollabConnection } from '../../../server/collab/connection';
import { baseDoc, openRoomFixture, paragraphText, type RoomFixture } from './roomFixture';

/** The fixture's paragraph typed into and partly deleted again: the state of any draft that was edited. */
function editedDraft(): { state: Uint8Array; stateVector: Uint8Array } {
  const doc = baseDoc();
  paragraphText(doc).insert(0, 'Recalling its resolution 75/1');
  paragraphText(doc).delete(10, 4);
  const state = { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
  doc.destroy();
  return state;
}

/**
 * A stock y-websocket client answers the server's sync step 1 with a sync step 2 that always holds
 * its whole delete set. From a reader that has the draft as it is, that adds nothing: the room
 * must not build its document for it (the point of keeping binary state).
 */
describe('a room holding binary state, synced by readers of an edited draft', () => {
  let fixture: RoomFixture;
  const docs: Y.Doc[] = [];

  beforeEach(async () => {
    fixture = await openRoomFixture(undefined, editedDraft());
  });
  afterEach(async () => {
    docs.splice(0).forEach((doc) => doc.destroy());
    await fixture.dispose();
  });

  /** A client that synced from the room: it has the draft as the room holds it. */
  const syncedReader = () => {
    const doc = new Y.Doc();
    docs.push(doc);
    Y.applyUpdate(doc, fixture.room.document.diff(new Uint8Array([0])));
    return doc;
  };
  const sendStep2 = (connection: CollabConnection, client: Y.Doc) =>
    fixture.room.receive(connection, { type: 'update', update: Y.encodeStateAsUpdate(client, fixture.room.document.stateVector) });

  it("takes a reader's sync step 2 (its deletions, all known) without building the document", async () => {
    const reader = syncedReader();
    await sendStep2(fixture.connect().connection, reader);
    expect(fixture.room.document.isLive).toBe(false);
  });

  it('still applies a sync step 2 that deletes what the room has not deleted', async () => {
    const reader = syncedReader();
    paragraphText(reader).delete(0, 10);
    await sendStep2(fixture.connect().connection, reader);
    expect(fixture.room.document.isLive).toBe(true);
    expect(paragraphText(fixture.room.doc).toString()).toBe(paragraphText(reader).toString());
  });
});
