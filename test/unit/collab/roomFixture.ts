import * as Y from 'yjs';
import { ClientIdOwnership } from '../../../server/collab/clientIdOwnership';
import { CollabConnection } from '../../../server/collab/connection';
import { PersistenceQueue } from '../../../server/collab/persistenceQueue';
import { Room } from '../../../server/collab/room';
import type { DraftContent } from '../../../server/collab/roomDocument';
import { DEFAULT_AWARENESS_LIMITS } from '../../../server/collab/validateAwareness';
import type { DocumentStore } from '../../../server/store/types';
import type { DraftMember } from '../../../server/domain/access/draftMember';
import { LogCapture } from '../../helpers/captureLogs';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';

export const DRAFT = 'draft-1';
export const KAZAKHSTAN: DraftMember = { id: 'user-kz', username: 'kazakhstan', displayName: 'Aigerim', admin: false, negotiationId: 'n1', negotiationName: 'CCPCJ', delegation: 'Kazakhstan', role: 'delegate' };

/** The paragraph every fixture room starts with (a preambular paragraph: delegates may not type into the heading), written by this Yjs client. */
const BASE_CLIENT = 1;

const BASE: Uint8Array = (() => {
  const author = new Y.Doc();
  author.clientID = BASE_CLIENT;
  const paragraph = new Y.XmlElement('preambular_paragraph');
  paragraph.insert(0, [new Y.XmlText()]);
  const preamble = new Y.XmlElement('preamble');
  preamble.insert(0, [paragraph]);
  author.getXmlFragment('prosemirror').insert(0, [preamble]);
  const state = Y.encodeStateAsUpdate(author);
  author.destroy();
  return state;
})();

/** A document (with a client id of its own) holding only the fixture's starting paragraph. */
export function baseDoc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, BASE);
  return doc;
}

/** The text of that paragraph, where the tests type. */
export function paragraphText(doc: Y.Doc): Y.XmlText {
  const preamble = doc.getXmlFragment('prosemirror').get(0) as Y.XmlElement;
  return (preamble.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

export interface RoomFixture {
  temp: TempStore;
  logs: LogCapture;
  persistence: PersistenceQueue;
  room: Room;
  /** A connection of `user` whose sent messages are kept. */
  connect(user?: DraftMember): { connection: CollabConnection; sent: Uint8Array[] };
  dispose(): Promise<void>;
}

/** A draft's room (the fixture's paragraph unless `content` says otherwise) on a real SQLite store, its documents seen through `wrap` (e.g. to hold appends). */
export async function openRoomFixture(
  wrap: (documents: DocumentStore) => DocumentStore = (documents) => documents,
  content: DraftContent = { doc: baseDoc() },
): Promise<RoomFixture> {
  const temp = await openTempSqliteStore();
  const logs = new LogCapture();
  const documents = wrap(temp.store.documents);
  const persistence = new PersistenceQueue(documents, logs.logger);
  const room = new Room({
    draftId: DRAFT,
    content,
    lastSeq: 0,
    updatesSinceSnapshot: 0,
    snapshotEvery: 1000,
    persistence,
    documents,
    logger: logs.logger,
    ownership: new ClientIdOwnership(temp.store.clientIds),
    awarenessLimits: DEFAULT_AWARENESS_LIMITS,
  });
  let connections = 0;
  return {
    temp,
    logs,
    persistence,
    room,
    connect(user = KAZAKHSTAN) {
      const sent: Uint8Array[] = [];
      const connection = new CollabConnection(String(++connections), user, { send: (message) => sent.push(message), close: () => {} });
      return { connection, sent };
    },
    async dispose() {
      await persistence.close();
      room.destroy();
      await temp.dispose();
    },
  };
}
