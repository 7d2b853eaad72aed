import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { IntegrityReport } from '../../server/health/integrityCheck';
import { findParagraph } from '../helpers/anchors';
import { ERROR, LogCapture } from '../helpers/captureLogs';
import { flipByteOfWord } from '../helpers/corruptSqlite';
import { requestJson } from '../helpers/http';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, waitForDoc, type YjsClient } from '../helpers/yjsClient';

const PARAGRAPH = 'Urges Member States';

/**
 * A byte flipped on disk in a snapshot, a log entry or a version. The checksums written with
 * every blob let the server notice, load the draft from what is intact, log an error and say so
 * in /healthz, instead of serving the damaged text as if it were fine.
 */
describe('corruption: stored blobs carry checksums', () => {
  let dataDir: string;
  let server: TestServer | null = null;
  let logs: LogCapture;
  const clients: YjsClient[] = [];

  const start = async () => {
    logs = new LogCapture('warn');
    server = await startTestServer({ dataDir, mongodbUrl: null }, logs.logger);
    return server;
  };
  /** Stops the server, keeping its data (closing snapshots every loaded draft). */
  const stop = async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await server!.close();
    server = null;
  };
  const connect = async (username: string, draftId: string) => {
    const client = connectYjs(server!.wsUrl, draftId, (await server!.login(username)).token);
    clients.push(client);
    await client.synced;
    return client;
  };
  const paragraphText = (doc: Y.Doc) => (findParagraph(doc, PARAGRAPH).get(0) as Y.XmlText).toString();
  /** Types `word` into the paragraph as a delegate and waits until another client has it (so it is durable). */
  const type = async (draftId: string, word: string) => {
    const writer = await connect('kazakhstan', draftId);
    const watcher = await connect('eu', draftId);
    (findParagraph(writer.doc, PARAGRAPH).get(0) as Y.XmlText).insert(PARAGRAPH.length, ` ${word}`);
    await waitForDoc(watcher.doc, (doc) => paragraphText(doc).includes(word));
  };
  /** The paragraph as a freshly connected client receives it from the server. */
  const served = async (draftId: string) => paragraphText((await connect('eu', draftId)).doc);
  const integrity = async () => (await requestJson<{ checks: { integrity: IntegrityReport } }>(`${server!.url}/healthz`)).body.checks.integrity;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corruption-'));
  });
  afterEach(async () => {
    if (server) await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('falls back to the previous snapshot plus the log when the newest snapshot is damaged', async () => {
    const draftId = await (await start()).demoDraftId();
    await type(draftId, 'Alpha');
    await stop();
    await start();
    await type(draftId, 'Bravo');
    await stop();
    const { key } = flipByteOfWord(dataDir, 'snapshots', 'Bravo');

    await start();
    const text = await served(draftId);
    // Typed at the same place: the later word comes first.
    expect(text).toContain('Bravo Alpha');
    expect(text).not.toContain('Bsavo');
    expect(await integrity()).toMatchObject({ status: 'corrupt', corrupt: [{ draftId, kind: 'snapshot', ref: String(key) }] });
    expect(logs.entries.some((e) => e.level === ERROR && e.draftId === draftId)).toBe(true);
  });

  it('leaves a damaged log entry out of the load, logs it and reports it, and refuses history built on it', async () => {
    const draftId = await (await start()).demoDraftId();
    await stop();
    await start();
    await type(draftId, 'Charlie');
    const chair = (await server!.login('chair')).token;
    const rev1 = await requestJson<{ version: { id: string } }>(`${server!.url}/api/drafts/${draftId}/versions`, { token: chair, json: { name: 'Rev.1' } });
    await stop();
    // Both copies of the word are damaged: the newest snapshot and the log entry that wrote it.
    const snapshot = flipByteOfWord(dataDir, 'snapshots', 'Charlie');
    const entry = flipByteOfWord(dataDir, 'updates', 'Charlie');

    await start();
    expect(await served(draftId)).not.toMatch(/Csarlie|Charlie/);
    expect((await integrity()).corrupt).toEqual([
      expect.objectContaining({ draftId, kind: 'snapshot', ref: String(snapshot.key) }),
      expect.objectContaining({ draftId, kind: 'update', ref: String(entry.key) }),
    ]);
    expect(logs.entries.filter((e) => e.level === ERROR && e.draftId === draftId)).toHaveLength(2);

    const token = (await server!.login('chair')).token;
    const { body } = await requestJson<{ versions: Array<{ id: string }> }>(`${server!.url}/api/drafts/${draftId}/versions`, { token });
    const zeroDraft = body.versions.at(-1)!.id;
    const compare = await requestJson(`${server!.url}/api/drafts/${draftId}/compare?from=${zeroDraft}&to=${rev1.body.version.id}`, { token });
    expect(compare).toMatchObject({ status: 409, body: { error: expect.stringMatching(/damaged/) } });
  });

  it('refuses a version whose stored state is damaged with a clear JSON error', async () => {
    const draftId = await (await start()).demoDraftId();
    await type(draftId, 'Delta');
    const token = (await server!.login('chair')).token;
    const named = await requestJson<{ version: { id: string } }>(`${server!.url}/api/drafts/${draftId}/versions`, { token, json: { name: 'Rev.1' } });
    expect(named.status).toBe(201);
    await stop();
    flipByteOfWord(dataDir, 'versions', 'Delta');

    await start();
    const token2 = (await server!.login('chair')).token;
    const opened = await requestJson(`${server!.url}/api/drafts/${draftId}/versions/${named.body.version.id}`, { token: token2 });
    expect(opened).toMatchObject({ status: 409, body: { error: expect.stringMatching(/damaged/) } });
    expect(await integrity()).toMatchObject({ status: 'corrupt', corrupt: [{ draftId, kind: 'version', ref: named.body.version.id }] });
  });
});
