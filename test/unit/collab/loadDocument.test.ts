import * as Y from 'yjs';
import { loadDocument } from '../../../server/collab/loadDocument';
import type { DocumentStore, StoredUpdate } from '../../../server/store/types';
import { ERROR, LogCapture } from '../../helpers/captureLogs';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';
import { garbage } from '../../helpers/yjsBytes';

const DRAFT = 'draft-1';

describe('loadDocument', () => {
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
    const result = await loadDocument(documents, DRAFT, logs.logger);
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
    const { doc, lastSeq, updatesSinceSnapshot } = await load();
    expect([doc.getText('t').toString(), lastSeq, updatesSinceSnapshot]).toEqual(['before after', last.seq, 3]);
    expect(logs.entries.filter((e) => e.level >= ERROR)).toEqual([
      expect.objectContaining({ msg: 'skipped unreadable log entry', draftId: DRAFT, seq: corrupt.seq }),
    ]);
  });

  it('leaves nothing pending when entries depend on one that was left out (damaged), and logs it', async () => {
    await edit('kept ');
    source.getText('t').insert(5, 'lost '); // never reaches the log, as a damaged entry left out of the load
    await edit('after');
    const { doc } = await load();
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
