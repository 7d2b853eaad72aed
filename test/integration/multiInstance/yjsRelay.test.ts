import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Y from 'yjs';
import { sample, scrape, scrapeUntil } from '../../helpers/prometheus';
import { startRedis, type RedisUnderTest } from '../../helpers/redisServer';
import { firstDraftId, login, startServerProcess, type ServerProcess } from '../../helpers/serverProcess';
import { removeTestData } from '../../helpers/storeUnderTest';
import { hasAll, mark } from '../../helpers/tokenEdits';
import { connectYjs, paragraphTexts, waitForDoc, type YjsClient } from '../../helpers/yjsClient';

jest.setTimeout(120_000);

const tokens = (doc: Y.Doc, prefix: string) => paragraphTexts(doc).join('\n').match(new RegExp(`${prefix}\\d+`, 'g')) ?? [];

/**
 * Several server processes on one data dir, relaying the Yjs channel through one redis-server:
 * stock y-websocket clients on different instances see one document, through an instance's
 * SIGKILL and through a Redis outage.
 */
describe('several instances: the Yjs relay through Redis', () => {
  let redis: RedisUnderTest;
  let dataDir: string;
  const instances: ServerProcess[] = [];
  const clients: YjsClient[] = [];
  let draftId: string;

  // Rooms unload soon after their last client leaves, so each test also reloads them (and re-subscribes).
  const startInstance = async (env: Record<string, string> = {}) => {
    const instance = await startServerProcess(dataDir, { REDIS_URL: redis.url, SEED_DEMO: instances.length === 0 ? '1' : '0', IDLE_UNLOAD_MS: '100', ...env });
    instances.push(instance);
    return instance;
  };
  const connect = async (instance: ServerProcess, username: string) => {
    const client = connectYjs(instance.wsUrl, draftId, await login(instance.url, username));
    clients.push(client);
    await client.synced;
    return client;
  };
  /** A facilitator of the demo negotiation chooses how delegates edit the draft, through `instance`. */
  const setEditing = async (instance: ServerProcess, editing: string) => {
    const response = await fetch(`${instance.url}/api/drafts/${draftId}/editing`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await login(instance.url, 'chair')}` },
      body: JSON.stringify({ editing }),
    });
    expect(response.status).toBe(200);
  };
  /** Runs `body` while the draft is proposals-only (set through `instance`), then lets delegates edit again. */
  const whileProposalsOnly = async (instance: ServerProcess, body: () => Promise<void>) => {
    await setEditing(instance, 'proposals');
    try {
      await body();
    } finally {
      await setEditing(instance, 'direct');
    }
  };
  /** A delegate's edit of a proposals-only draft: made locally, then put back by the server. */
  const putBack = (client: YjsClient, token: string) => {
    mark(client.doc, 2, token);
    return waitForDoc(client.doc, (doc) => !paragraphTexts(doc).join('\n').includes(token));
  };
  /** What a load balancer does when an instance is gone: the client's next attempt reaches another one. */
  const redirect = (client: YjsClient, to: ServerProcess) => {
    client.provider.serverUrl = `${to.wsUrl}/yjs`;
  };

  beforeAll(async () => {
    redis = await startRedis();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'multi-instance-'));
    const first = await startInstance();
    await startInstance();
    draftId = await firstDraftId(first.url, await login(first.url, 'chair'));
  });
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));
  afterAll(async () => {
    clients.splice(0).forEach((client) => client.destroy());
    for (const instance of instances) {
      if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGTERM');
      await instance.exited;
    }
    await redis.stop();
    await removeTestData(dataDir);
  });

  it('refuses to start, with a clear error and a non-zero exit, when Redis cannot be reached', async () => {
    const gone = await startRedis();
    await gone.stop();
    const starting = startServerProcess(dataDir, { REDIS_URL: gone.url, SEED_DEMO: '0' });
    await expect(starting).rejects.toThrow(/exited \(1\) before it was ready:[\s\S]*Cannot reach Redis at REDIS_URL/);
  });

  it('lets two delegations on different instances co-edit live, and a third on either instance gets the full state', async () => {
    const [a, b] = instances;
    const kz = await connect(a, 'kazakhstan');
    const eu = await connect(b, 'eu');
    mark(kz.doc, 0, 'live-kz1');
    mark(eu.doc, 1, 'live-eu1');
    const both = hasAll(['live-kz1', 'live-eu1']);
    await Promise.all([waitForDoc(kz.doc, both), waitForDoc(eu.doc, both)]);
    expect(paragraphTexts(kz.doc)).toEqual(paragraphTexts(eu.doc));

    const [onA, onB] = await Promise.all([connect(a, 'usa'), connect(b, 'philippines')]);
    expect(paragraphTexts(onA.doc)).toEqual(paragraphTexts(kz.doc));
    expect(paragraphTexts(onB.doc)).toEqual(paragraphTexts(kz.doc));
  });

  it('shows a cursor on one instance to the clients of the other', async () => {
    const [a, b] = instances;
    const kz = await connect(a, 'kazakhstan');
    const eu = await connect(b, 'eu');
    kz.provider.awareness.setLocalStateField('cursor', null);
    await new Promise<void>((resolve) => {
      const seen = () => eu.provider.awareness.getStates().get(kz.doc.clientID)?.cursor === null && resolve();
      eu.provider.awareness.on('change', seen);
      seen();
    });
    const stamped = eu.provider.awareness.getStates().get(kz.doc.clientID) as { user?: { name?: string } };
    expect(stamped.user?.name).toMatch(/Kazakhstan/);
  });

  it('keeps a draft only read on an instance as binary state there, until an edit relayed to it builds the Y.Doc', async () => {
    const [a, b] = instances;
    const liveOnB = async () => sample((await scrape(b.url)).text, 'resolutions_live_documents');
    // The last test's room on B is unloaded once its clients are gone: this one loads afresh.
    await scrapeUntil(b.url, (text) => sample(text, 'resolutions_open_drafts') === 0);
    const eu = await connect(b, 'eu');
    const kz = await connect(a, 'kazakhstan');
    expect(await liveOnB()).toBe(0);
    mark(kz.doc, 0, 'relayed-kz1');
    await waitForDoc(eu.doc, hasAll(['relayed-kz1']));
    expect(await liveOnB()).toBe(1);
    const newcomer = await connect(b, 'usa');
    expect(paragraphTexts(newcomer.doc)).toEqual(paragraphTexts(kz.doc));
  });

  it("enforces a facilitator's editing rule, set on one instance, in the rooms of the others from their next frame", async () => {
    const [a, b] = instances;
    const eu = await connect(b, 'eu');
    // Instance B's room was loaded before the change: only the relay tells it.
    await whileProposalsOnly(a, () => putBack(eu, 'blocked-eu1'));
  });

  it('keeps each instance serving its own clients while Redis is down, and converges them when it returns', async () => {
    const [a, b] = instances;
    const [kz, usa, eu, ph] = await Promise.all([connect(a, 'kazakhstan'), connect(a, 'usa'), connect(b, 'eu'), connect(b, 'philippines')]);
    await redis.stop();

    mark(kz.doc, 0, 'outage-kz1');
    mark(eu.doc, 1, 'outage-eu1');
    await waitForDoc(usa.doc, hasAll(['outage-kz1']));
    await waitForDoc(ph.doc, hasAll(['outage-eu1']));

    redis = await startRedis(redis.port);
    const everything = hasAll(['outage-kz1', 'outage-eu1']);
    await Promise.all([kz, usa, eu, ph].map((client) => waitForDoc(client.doc, everything, 20_000)));
    expect(paragraphTexts(usa.doc)).toEqual(paragraphTexts(ph.doc));

    // And the relay is live again.
    mark(ph.doc, 2, 'after-ph1');
    await waitForDoc(kz.doc, hasAll(['after-ph1']));
  });

  it('applies a rule changed while Redis was down to the rooms of the other instances once it returns', async () => {
    const [a, b] = instances;
    const [chair, eu] = await Promise.all([connect(a, 'chair'), connect(b, 'eu')]);
    await redis.stop();
    await whileProposalsOnly(a, async () => {
      // Reaches B only through its resync, which reads the rule before the log.
      mark(chair.doc, 3, 'outage-chair1');
      redis = await startRedis(redis.port);
      await waitForDoc(eu.doc, hasAll(['outage-chair1']), 20_000);
      await putBack(eu, 'blocked-eu2');
    });
  });

  it('loses nothing any client saw when an instance is SIGKILLed; its clients reconnect to another and converge', async () => {
    const [a, b] = instances;
    const writer = await connect(a, 'kazakhstan');
    const watcher = await connect(b, 'eu');
    let written = 0;
    const writing = setInterval(() => mark(writer.doc, 3, `kill${written++}`), 5);
    await waitForDoc(watcher.doc, (doc) => tokens(doc, 'kill').length >= 50);
    a.child.kill('SIGKILL');
    await a.exited;
    clearInterval(writing);
    const seen = tokens(watcher.doc, 'kill');

    redirect(writer, b);
    const all = Array.from({ length: written }, (_, n) => `kill${n}`);
    // The writer's unsaved edits reach B when it reconnects (y-websocket sends what the server lacks).
    await Promise.all([waitForDoc(watcher.doc, hasAll(all), 30_000), waitForDoc(writer.doc, hasAll(all), 30_000)]);
    expect(paragraphTexts(writer.doc)).toEqual(paragraphTexts(watcher.doc));

    // A fresh instance and a fresh client read it all back from the store.
    const fresh = await startInstance();
    const reader = await connect(fresh, 'usa');
    expect(tokens(reader.doc, 'kill')).toEqual(expect.arrayContaining([...seen, ...all]));
    expect(paragraphTexts(reader.doc)).toEqual(paragraphTexts(watcher.doc));
  });
});
