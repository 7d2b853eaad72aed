import * as Y from 'yjs';
import { CloseCode } from '../../shared/closeCodes';
import { DURABLE_MESSAGE_TYPE, encodeDurableMessage, readDurablePayload } from '../../shared/durableMessage';
import { findParagraph } from '../helpers/anchors';
import { openRawYjs } from '../helpers/rawSocket';
import { StoreSwitch } from '../helpers/storeSwitch';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, draftText, waitForDoc, type YjsClient } from '../helpers/yjsClient';

const ASK_FOR_ACKS = { acks: 'durable' };

const paragraphOf = (client: YjsClient) => findParagraph(client.doc, 'Urges Member States').get(0) as Y.XmlText;
const ownClock = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
const includes = (text: string) => (doc: Y.Doc) => draftText(doc).includes(text);

describe('durable acknowledgements on the Yjs channel (message type 101)', () => {
  let server: TestServer;
  let draftId: string;
  const clients: YjsClient[] = [];

  /** A stock provider; `onAck` is registered as the browser does, before the first sync. */
  const connect = async (username: string, params?: Record<string, string>, onAck?: (clocks: Map<number, number>) => void) => {
    const client = connectYjs(server.wsUrl, draftId, (await server.login(username)).token, { params });
    clients.push(client);
    if (onAck) client.provider.messageHandlers[DURABLE_MESSAGE_TYPE] = (_encoder, decoder) => onAck(Y.decodeStateVector(readDurablePayload(decoder)));
    await client.synced;
    return client;
  };

  beforeEach(async () => {
    server = await startTestServer();
    draftId = await server.demoDraftId();
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    jest.restoreAllMocks();
    await server.stop();
  });

  it('tells a client that asks which of its clocks are saved, only once the store has them', async () => {
    const store = new StoreSwitch(server.store.documents);
    const acks: Array<{ clocks: Map<number, number>; written: boolean }> = [];
    let written = false;
    let awaited: { done: (clocks: Map<number, number>) => boolean; resolve: () => void } | null = null;
    const ackWhere = (done: (clocks: Map<number, number>) => boolean) =>
      new Promise<void>((resolve) => (awaited = acks.some((a) => done(a.clocks)) ? (resolve(), null) : { done, resolve }));
    const writer = await connect('kazakhstan', ASK_FOR_ACKS, (clocks) => {
      acks.push({ clocks, written });
      if (awaited?.done(clocks)) awaited.resolve();
    });
    // The answer to its first sync comes with the durable state of the draft.
    await ackWhere((clocks) => clocks.size > 0);

    store.block();
    const attempted = store.nextAttempt();
    paragraphOf(writer).insert(0, 'Firmly ');
    await attempted;
    void store.nextWrite().then(() => (written = true));
    store.up();
    await ackWhere((clocks) => clocks.get(writer.doc.clientID) === ownClock(writer.doc));
    expect(acks).toHaveLength(2);
    expect(acks[1]).toEqual({ clocks: new Map([[writer.doc.clientID, ownClock(writer.doc)]]), written: true });
    store.restore();
  });

  it('a stock provider that asks keeps working: it skips the unknown message (logging it) and goes on syncing', async () => {
    let skipped = () => {};
    const ackSkipped = new Promise<void>((resolve) => (skipped = resolve));
    const consoleError = jest.spyOn(console, 'error').mockImplementation((message: unknown) => {
      if (message === 'Unable to compute message') skipped();
    });
    const writer = await connect('kazakhstan', ASK_FOR_ACKS);
    const watcher = await connect('eu');
    const paragraph = paragraphOf(writer);
    paragraph.insert(0, 'Firmly ');
    await ackSkipped;
    paragraph.insert(0, 'Also ');
    await waitForDoc(watcher.doc, includes('Also Firmly Urges'));
    expect(writer.provider.wsconnected).toBe(true);
    expect(consoleError.mock.calls.every(([message]) => message === 'Unable to compute message')).toBe(true);
  });

  it('sends nothing of type 101 to a client that did not ask', async () => {
    const acks: Array<Map<number, number>> = [];
    const writer = await connect('kazakhstan', undefined, (clocks) => acks.push(clocks));
    const watcher = await connect('eu');
    const paragraph = paragraphOf(writer);
    const watchersParagraph = paragraphOf(watcher);
    paragraph.insert(0, 'Firmly ');
    await waitForDoc(watcher.doc, includes('Firmly'));
    // An ack for the writer's edit would have been sent before the watcher's reply reaches the writer.
    watchersParagraph.insert(0, 'Reply ');
    await waitForDoc(writer.doc, includes('Reply'));
    expect(acks).toEqual([]);
  });

  it('is the server\'s to send: a client sending type 101 is closed with 4400', async () => {
    const token = encodeURIComponent((await server.login('kazakhstan')).token);
    const raw = openRawYjs(server.wsUrl, `${draftId}?acks=durable&token=${token}`);
    await raw.firstMessage;
    raw.ws.send(encodeDurableMessage(Y.encodeStateVector(new Map([[1, 1_000_000]]))));
    expect((await raw.closed).code).toBe(CloseCode.BadMessage);
  });
});
