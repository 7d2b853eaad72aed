import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT } from '../../shared/schema';
import { firstDraftId, login, startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { removeTestData } from '../helpers/storeUnderTest';
import { connectYjs, waitForDoc, type YjsClient } from '../helpers/yjsClient';

/** Where the burst writes: the text of the draft's last operative paragraph. */
const burstText = (doc: Y.Doc) => {
  const operative = doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(4) as Y.XmlElement;
  return (operative.get(operative.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
};
/** One numbered token per edit, so every edit is countable (the text must fit the schema). */
const burst = (doc: Y.Doc) => burstText(doc).toString().match(/#\d+/g) ?? [];
const appendBurst = (doc: Y.Doc, n: number) => burstText(doc).insert(burstText(doc).length, `#${n}`);

describe('durability: the server process is killed or stopped mid-burst', () => {
  let dataDir: string;
  let server: ServerProcess | null = null;
  const clients: YjsClient[] = [];

  const connect = async (username: string, draftId: string) => {
    const client = connectYjs(server!.wsUrl, draftId, await login(server!.url, username));
    clients.push(client);
    await client.synced;
    return client;
  };
  /** Disconnects every client first, so none can hand its copy back to the restarted server. */
  const dropClients = () => clients.splice(0).forEach((c) => c.destroy());

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'durability-'));
  });
  afterEach(async () => {
    dropClients();
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await removeTestData(dataDir);
  });

  it('after SIGKILL keeps every update a second client had received', async () => {
    server = await startServerProcess(dataDir);
    const draftId = await firstDraftId(server.url, await login(server.url, 'chair'));
    const writer = await connect('kazakhstan', draftId);
    const watcher = await connect('eu', draftId);

    // Write steadily; kill the server while updates are still flowing.
    let written = 0;
    const writing = setInterval(() => {
      for (let i = 0; i < 5; i++) appendBurst(writer.doc, written++);
    }, 2);
    await waitForDoc(watcher.doc, (doc) => burst(doc).length >= 300);
    server.child.kill('SIGKILL');
    await server.exited;
    clearInterval(writing);
    const received = burst(watcher.doc);
    dropClients();

    server = await startServerProcess(dataDir);
    const reader = await connect('usa', draftId);
    const restored = burst(reader.doc);
    expect(received.length).toBeGreaterThanOrEqual(300);
    expect(restored.slice(0, received.length)).toEqual(received);
  });

  it('after SIGTERM loses nothing the writer sent', async () => {
    server = await startServerProcess(dataDir);
    const draftId = await firstDraftId(server.url, await login(server.url, 'chair'));
    const writer = await connect('kazakhstan', draftId);
    // 400 updates as fast as the client can send them (below the per-connection frame limit).
    for (let i = 0; i < 400; i++) appendBurst(writer.doc, i);
    const socket = writer.provider.ws as unknown as { bufferedAmount: number };
    while (socket.bufferedAmount > 0) await new Promise((resolve) => setImmediate(resolve));

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const sent = Y.encodeStateAsUpdate(writer.doc);
    const expected = burst(writer.doc);
    dropClients();

    server = await startServerProcess(dataDir);
    const reader = await connect('usa', draftId);
    expect(burst(reader.doc)).toEqual(expected);
    // Nothing the writer had is missing on the server: its state covers the writer's.
    const missing = Y.diffUpdate(sent, Y.encodeStateVector(reader.doc));
    expect(Y.decodeUpdate(missing).structs).toEqual([]);
  });
});
