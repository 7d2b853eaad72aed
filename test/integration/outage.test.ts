import * as Y from 'yjs';
import { followSaveStatus } from '../../client/collab/followSaveStatus';
import type { SaveStatus } from '../../client/collab/saveStatus';
import { loadDocument } from '../../server/collab/loadDocument';
import { createLogger } from '../../server/logger';
import { CloseCode } from '../../shared/closeCodes';
import { findParagraph } from '../helpers/anchors';
import { requestJson } from '../helpers/http';
import { openRawYjs } from '../helpers/rawSocket';
import { StoreSwitch } from '../helpers/storeSwitch';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, draftText, waitForDoc, type YjsClient } from '../helpers/yjsClient';
import { syncFrame } from '../helpers/yjsBytes';

const DURABLE_WAIT_MS = 400;
const MAX_UNSAVED_BYTES = 4096;

describe('outages are visible and bounded: a store that fails or hangs', () => {
  let server: TestServer;
  let draftId: string;
  let store: StoreSwitch;
  const clients: YjsClient[] = [];
  const tokens: Record<string, string> = {};

  const token = async (username: string) => (tokens[username] ??= (await server.login(username)).token);
  const connect = async (username: string) => {
    const client = connectYjs(server.wsUrl, draftId, await token(username));
    clients.push(client);
    await client.synced;
    return client;
  };
  const health = () => requestJson<{ status: string; checks: Record<string, Record<string, unknown>> }>(`${server.url}/healthz`);
  /** The draft as the store would rebuild it after a restart. */
  const storedText = async () => {
    const { doc } = await loadDocument(server.store.documents, draftId, createLogger('silent'));
    const text = draftText(doc);
    doc.destroy();
    return text;
  };
  const closeCodeOf = (client: YjsClient) =>
    new Promise<number>((resolve) => client.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));

  /** A stock provider asking for durable acks, followed as the browser follows it. */
  const writerWithSaveStatus = async () => {
    const writer = connectYjs(server.wsUrl, draftId, await token('kazakhstan'), { params: { acks: 'durable' } });
    clients.push(writer);
    const seen: SaveStatus[] = [];
    let awaited: { status: SaveStatus; reached: () => void } | null = null;
    const stopFollowing = followSaveStatus(writer.provider, (status) => {
      seen.push(status);
      if (awaited?.status === status) awaited.reached();
    });
    const until = (status: SaveStatus) =>
      new Promise<void>((reached) => (seen.at(-1) === status ? reached() : (awaited = { status, reached })));
    await writer.synced;
    return { writer, seen, until, stopFollowing };
  };

  beforeEach(async () => {
    server = await startTestServer({ maxUnsavedBytes: MAX_UNSAVED_BYTES, durableWaitMs: DURABLE_WAIT_MS });
    draftId = await server.demoDraftId();
    store = new StoreSwitch(server.store.documents);
    for (const name of Object.keys(tokens)) delete tokens[name];
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    store.restore();
    await server.stop();
  });

  it('failing writes: /healthz 503, naming a version 503, past the cap 4503 for writers and newcomers; after recovery 200 and every edit stored', async () => {
    const writer = await connect('kazakhstan');
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', checks: { store: { ok: true }, writes: { ok: true } } } });
    const paragraph = findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText;

    store.fail();
    const attempted = store.nextAttempt();
    paragraph.insert(0, 'Firmly ');
    await attempted;
    const failing = await health();
    expect(failing).toMatchObject({
      status: 503,
      body: { status: 'degraded', checks: { store: { ok: true }, writes: { ok: false, overloaded: false, unsavedUpdates: 1 } } },
    });
    expect(failing.body.checks.writes.consecutiveFailures).toBeGreaterThanOrEqual(1);

    // Requests that wait for pending edits to be stored answer 503 within the bound instead of hanging.
    const chair = await token('chair');
    const api = `${server.url}/api/drafts/${draftId}`;
    const named = await requestJson(`${api}/versions`, { token: chair, json: { name: 'Rev.1' } });
    expect(named).toMatchObject({ status: 503, body: { error: 'saving is failing; the version was not named, try again later' } });
    const [zeroDraft] = (await requestJson<{ versions: Array<{ id: string }> }>(`${api}/versions`, { token: chair })).body.versions;
    const restored = await requestJson(`${api}/versions/${zeroDraft.id}/restore`, { token: chair, method: 'POST' });
    expect(restored).toMatchObject({ status: 503, body: { error: 'saving is failing; nothing was restored, try again later' } });
    const round = await requestJson(`${api}/rounds`, { token: chair, json: { name: 'Rev.1' } });
    expect(round).toMatchObject({ status: 503, body: { error: 'saving is failing; no round was started, try again later' } });
    const compared = await requestJson(`${api}/compare?from=${zeroDraft.id}&to=current`, { token: chair });
    expect(compared).toMatchObject({ status: 503, body: { error: 'saving is failing; nothing was compared, try again later' } });

    // One edit takes the backlog past its cap; the one right after it is no longer accepted.
    const closed = closeCodeOf(writer);
    paragraph.insert(0, 'negotiated text '.repeat(Math.ceil(MAX_UNSAVED_BYTES / 16)));
    paragraph.insert(0, 'LAST WORDS ');
    expect(await closed).toBe(CloseCode.Unavailable);
    const serverDoc = server.rooms.peek(draftId)!.doc;
    expect(draftText(serverDoc)).toContain('negotiated text');
    expect(draftText(serverDoc)).not.toContain('LAST WORDS');

    const newcomer = openRawYjs(server.wsUrl, draftId, await token('eu'));
    expect(await newcomer.closed).toEqual({ code: CloseCode.Unavailable, reason: 'saving is behind; try again later' });
    expect((await health()).body.checks.writes).toMatchObject({ ok: false, overloaded: true });

    // The store comes back: the backlog drains, the writer reconnects and resends what was refused.
    store.up();
    await waitForDoc(serverDoc, (doc) => draftText(doc).includes('LAST WORDS'), 20_000);
    const watcher = await connect('eu');
    await waitForDoc(watcher.doc, (doc) => draftText(doc).includes('LAST WORDS'));
    expect(await health()).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { writes: { ok: true, consecutiveFailures: 0, overloaded: false, unsavedBytes: 0 } } },
    });
    const stored = await storedText();
    expect(stored).toContain('LAST WORDS negotiated text');
    expect(stored).toContain('Firmly Urges Member States');
    expect((await requestJson(`${api}/rounds`, { token: chair })).body).toEqual({ rounds: [] });
  });

  it('a hanging store: a newcomer whose first sync cannot be answered in time is closed with 4503, then gets in once writes land', async () => {
    const writer = await connect('kazakhstan');
    store.block();
    const attempted = store.nextAttempt();
    (findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText).insert(0, 'Firmly ');
    await attempted;

    const newcomer = openRawYjs(server.wsUrl, draftId, await token('eu'));
    await newcomer.opened;
    newcomer.ws.send(syncFrame(0, Uint8Array.of(0))); // an empty state vector: "send me everything"
    expect((await newcomer.closed).code).toBe(CloseCode.Unavailable);
    // Nothing failed, but the oldest edit has waited past the bound: still not healthy.
    const hanging = await health();
    expect(hanging).toMatchObject({ status: 503, body: { checks: { writes: { ok: false, consecutiveFailures: 0, unsavedUpdates: 1 } } } });
    expect(hanging.body.checks.writes.oldestUnsavedMs).toBeGreaterThanOrEqual(DURABLE_WAIT_MS);

    store.up();
    const latecomer = await connect('eu');
    expect(draftText(latecomer.doc)).toContain('Firmly Urges Member States');
    expect((await health()).status).toBe(200);
  });

  it('tells the writer: saved, saving while a write hangs, kept on this device once refused, saved again after recovery', async () => {
    const { writer, seen, until, stopFollowing } = await writerWithSaveStatus();
    const paragraph = findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText;

    store.block();
    paragraph.insert(0, 'Firmly ');
    expect(seen.at(-1)).toBe('saving');
    const saved = until('saved');
    store.up();
    await saved;

    store.fail();
    const keptLocally = until('kept-locally');
    paragraph.insert(0, 'negotiated text '.repeat(Math.ceil(MAX_UNSAVED_BYTES / 16)));
    await keptLocally;
    const savedAgain = until('saved');
    store.up();
    await savedAgain;
    stopFollowing();

    expect(seen.slice(0, 5)).toEqual(['saved', 'saving', 'saved', 'saving', 'kept-locally']);
    // While the backlog drains, reconnect attempts may be refused again: never "saved" before it is.
    expect(seen.slice(5, -1).every((status) => status !== 'saved')).toBe(true);
    expect(seen.at(-1)).toBe('saved');
    expect(await storedText()).toContain('negotiated text negotiated text Firmly Urges Member States');
  });

  it('a deletion alone, which moves no clock, reads "saving" until the store has it', async () => {
    const { writer, seen, until, stopFollowing } = await writerWithSaveStatus();
    await until('saved');
    const paragraph = findParagraph(writer.doc, 'Urges Member States').get(0) as Y.XmlText;
    store.block();
    const attempted = store.nextAttempt();
    paragraph.delete(0, 'Urges '.length);
    expect(seen.at(-1)).toBe('saving');
    await attempted;
    const saved = until('saved');
    store.up();
    await saved;
    stopFollowing();
    // If the hanging store outlasted DURABLE_WAIT_MS the writer was sent away meanwhile: never "saved" early.
    expect(seen.slice(seen.lastIndexOf('saving'), -1).every((status) => status !== 'saved')).toBe(true);
    expect(await storedText()).toContain('Member States');
    expect(await storedText()).not.toContain('Urges Member States');
  });
});
