import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { firstDraftId, login, startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { removeTestData } from '../helpers/storeUnderTest';
import { connectYjs, waitForDoc, type YjsClient } from '../helpers/yjsClient';

/** Where the burst writes: a Y.Array next to the draft, so every edit is countable. */
const BURST = 'durability-burst';

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
    const burst = writer.doc.getArray<number>(BURST);

    // Write steadily; kill the server while updates are still flowing.
    const writing = setInterval(() => {
      for (let i = 0; i < 5; i++) burst.push([burst.length]);
    }, 2);
    await waitForDoc(watcher.doc, (doc) => doc.getArray(BURST).length >= 300);
    server.child.kill('SIGKILL');
    await server.exited;
    clearInterval(writing);
    const received = watcher.doc.getArray<number>(BURST).toArray();
    dropClients();

    server = await startServerProcess(dataDir);
    const reader = await connect('usa', draftId);
    const restored = reader.doc.getArray<number>(BURST).toArray();
    expect(received.length).toBeGreaterThanOrEqual(300);
    expect(restored.slice(0, received.length)).toEqual(received);
  });

  it('after SIGTERM loses nothing the writer sent', async () => {
    server = await startServerProcess(dataDir);
    const draftId = await firstDraftId(server.url, await login(server.url, 'chair'));
    const writer = await connect('kazakhstan', draftId);
    const burst = writer.doc.getArray<number>(BURST);
    // 400 updates as fast as the client can send them (below the per-connection frame limit).
    for (let i = 0; i < 400; i++) burst.push([5 * i, 5 * i + 1, 5 * i + 2, 5 * i + 3, 5 * i + 4]);
    const socket = writer.provider.ws as unknown as { bufferedAmount: number };
    while (socket.bufferedAmount > 0) await new Promise((resolve) => setImmediate(resolve));

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const sent = Y.encodeStateAsUpdate(writer.doc);
    const expected = burst.toArray();
    dropClients();

    server = await startServerProcess(dataDir);
    const reader = await connect('usa', draftId);
    expect(reader.doc.getArray<number>(BURST).toArray()).toEqual(expected);
    // Nothing the writer had is missing on the server: its state covers the writer's.
    const missing = Y.diffUpdate(sent, Y.encodeStateVector(reader.doc));
    const probe = new Y.Doc();
    Y.applyUpdate(probe, missing);
    expect(probe.getArray(BURST).length).toBe(0);
    probe.destroy();
  });
});
