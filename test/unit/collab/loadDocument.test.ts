import * as Y from 'yjs';
import { loadDocument, loadDraft, type LoadedDocument } from '../../../server/collab/loadDocument';
import type { Logger } from '../../../server/logger';
import type { DocumentStore, StoredUpdate } from '../../../server/store/types';
import { ERROR, LogCapture } from '../../helpers/captureLogs';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';
import { garbage } from '../../helpers/yjsBytes';

const DRAFT = 'draft-1';

type Loader = (documents: DocumentStore, draftId: string, logger: Logger) => Promise<LoadedDocument & { binary: boolean }>;

/** loadDraft's result as a document (what a room builds from binary state on first need). */
const draftAsDocument: Loader = async (documents, draftId, logger) => {
  const { content, ...rest } = await loadDraft(documents, draftId, logger);
  if ('doc' in content) return { doc: content.doc, binary: false, ...rest };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, content.state);
  expect(content.stateVector).toEqual(Y.encodeStateVector(doc));
  return { doc, binary: true, ...rest };
};

const loaders: Array<[string, Loader]> = [
  ['loadDocument', async (...args) => ({ ...(await loadDocument(...args)), binary: false })],
  ['loadDraft', draftAsDocument],
];

describe.each(loaders)('%s', (name, loader) => {
  const fromBinaryState = name === 'loadDraft';
  let temp: TempStore;
  let documents: DocumentStore;
  let logs: LogCapture;
  /** The author's document: every change made here is appended to the store's log. */
  let source: Y.Doc;
  const loaded: Y.Doc[] = [];

  const edit = async (text: string): Promise<StoredUpdate> => {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    source.once('update', capture);
    source.getText('t').insert(source.getText('t').length, text);
    const [stored] = await documents.append([{ draftId: DRAFT, update: update!, authorId: 'author', at: new Date().toISOString() }]);
    return stored;
  };
  const load = async () => {
    const result = await loader(documents, DRAFT, logs.logger);
    loaded.push(result.doc);
    return result;
  };

  beforeEach(async () => {
    temp = await openTempSqliteStore();
    documents = temp.store.documents;
    logs = new LogCapture();
    source = new Y.Doc();
  });
  afterEach(async () => {
    loaded.splice(0).forEach((doc) => doc.destroy());
    source.destroy();
    await temp.dispose();
  });

  it('gives an empty document for a draft with nothing stored', async () => {
    const { doc, lastSeq, updatesSinceSnapshot } = await load();
    expect([doc.getText('t').toString(), lastSeq, updatesSinceSnapshot]).toEqual(['', 0, 0]);
  });

  it('rebuilds the document from the log alone', async () => {
    await edit('one ');
    const last = await edit('two');
    const { doc, lastSeq, updatesSinceSnapshot } = await load();
    expect([doc.getText('t').toString(), lastSeq, updatesSinceSnapshot]).toEqual(['one two', last.seq, 2]);
  });

  it('reads an intact draft as binary state (loadDraft), with no document built', async () => {
    await edit('one ');
    const covered = await edit('two ');
    await documents.saveSnapshot(DRAFT, { state: Y.encodeStateAsUpdate(source), seq: covered.seq });
    for (let i = 0; i < 300; i++) await edit(`${i} `);
    const { doc, binary } = await load();
    expect(binary).toBe(fromBinaryState);
    expect(doc.getText('t').toString()).toBe(source.getText('t').toString());
  });

  it('rebuilds the document from the snapshot plus the log after it', async () => {
    await edit('one ');
    const covered = await edit('two ');
    await documents.saveSnapshot(DRAFT, { state: Y.encodeStateAsUpdate(source), seq: covered.seq });
    await edit('three ');
    const last = await edit('four');
    const { doc, lastSeq, updatesSinceSnapshot } = await load();
    expect([doc.getText('t').toString(), lastSeq, updatesSinceSnapshot]).toEqual(['one two three four', last.seq, 2]);
  });

  it('uses the snapshot for what it covers (the log before it is not read)', async () => {
    const covered = await edit('logged ');
    const snapshotOnly = new Y.Doc();
    Y.applyUpdate(snapshotOnly, Y.encodeStateAsUpdate(source));
    snapshotOnly.getText('t').insert(0, 'from the snapshot: ');
    await documents.saveSnapshot(DRAFT, { state: Y.encodeStateAsUpdate(snapshotOnly), seq: covered.seq });
    snapshotOnly.destroy();
    const { doc, lastSeq, updatesSinceSnapshot } = await load();
    expect([doc.getText('t').toString(), lastSeq, updatesSinceSnapshot]).toEqual(['from the snapshot: logged ', covered.seq, 0]);
  });

  it('skips and logs an unreadable log entry, and keeps everything around it', async () => {
    await edit('before ');
    const [corrupt] = await documents.append([{ draftId: DRAFT, update: garbage(64), authorId: 'author', at: new Date().toISOString() }]);
    const last = await edit('after');
    const { doc, lastSeq, updatesSinceSnapshot, binary } = await load();
    expect([doc.getText('t').toString(), lastSeq, updatesSinceSnapshot, binary]).toEqual(['before after', last.seq, 3, false]);
    expect(logs.entries.filter((e) => e.level >= ERROR)).toEqual([
      expect.objectContaining({ msg: 'skipped unreadable log entry', draftId: DRAFT, seq: corrupt.seq }),
    ]);
  });

  it('leaves nothing pending when entries depend on one that was left out (damaged), and logs it', async () => {
    await edit('kept ');
    source.getText('t').insert(5, 'lost '); // never reaches the log, as a damaged entry left out of the load
    await edit('after');
    const { doc, binary } = await load();
    expect(binary).toBe(false);
    // A room refuses any update that leaves something pending; the rest stays in the log.
    expect([doc.store.pendingStructs, doc.store.pendingDs]).toEqual([null, null]);
    expect(doc.getText('t').toString()).toBe('kept ');
    expect(logs.entries).toContainEqual(expect.objectContaining({ level: ERROR, msg: expect.stringMatching(/left out/), draftId: DRAFT }));
  });

  it('fails when the store cannot be read, rather than giving an empty document', async () => {
    jest.spyOn(documents, 'load').mockRejectedValueOnce(new Error('store unreachable'));
    await expect(load()).rejects.toThrow('store unreachable');
  });
});

describe('loadDraft', () => {
  it('builds the document, as loadDocument does, when the store reports a damaged record', async () => {
    const temp = await openTempSqliteStore();
    const logs = new LogCapture();
    try {
      const source = new Y.Doc();
      source.getText('t').insert(0, 'intact');
      const update = Y.encodeStateAsUpdate(source);
      source.destroy();
      const documents = temp.store.documents;
      jest.spyOn(documents, 'load').mockResolvedValueOnce({
        snapshot: null,
        updates: [{ seq: 2, draftId: DRAFT, update, authorId: 'author', at: new Date().toISOString() }],
        corrupt: [{ draftId: DRAFT, kind: 'update', ref: '1' }],
      });
      const { content, lastSeq } = await loadDraft(documents, DRAFT, logs.logger);
      expect('doc' in content && content.doc.getText('t').toString()).toBe('intact');
      expect(lastSeq).toBe(2);
      expect(logs.entries).toContainEqual(expect.objectContaining({ level: ERROR, msg: 'damaged update 1 left out of the load (checksum mismatch)' }));
      if ('doc' in content) content.doc.destroy();
    } finally {
      await temp.dispose();
    }
  });
});
