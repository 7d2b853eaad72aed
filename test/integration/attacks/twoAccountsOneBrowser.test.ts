import type { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { draftProvider } from '../../../client/collab/draftProvider';
import { waitForDoc } from '../../helpers/yjsClient';
import { AttackScene, operativeText } from './scene';

/**
 * Two accounts signed in in two tabs of one browser (a shared delegation laptop; the first tab
 * keeps its session when the second signs in). Tabs of one browser share BroadcastChannels; if
 * the app's provider used them, the first tab would relay the second's cursor to the server as
 * its own, so the server would bind the second tab's client id to the first account and refuse
 * every edit of the second account (and the first would get the second's unsaved text).
 * In one Node process lib0's BroadcastChannel behaves as between tabs.
 */
describe('Yjs channel: two accounts in two tabs of one browser', () => {
  let scene: AttackScene;
  const tabs: Array<{ doc: Y.Doc; provider: WebsocketProvider }> = [];

  beforeAll(async () => {
    scene = new AttackScene();
    await scene.start();
  });
  afterAll(async () => {
    for (const { doc, provider } of tabs) {
      provider.awareness.destroy();
      provider.destroy();
      doc.destroy();
    }
    await scene.stop();
  });

  /** A tab of `username` with the app's provider, announcing its user as the app does; resolves once synced. */
  const openTab = async (username: string) => {
    const doc = new Y.Doc();
    const provider = draftProvider(doc, {
      draftId: scene.draftId,
      token: (await scene.server.login(username)).token,
      serverUrl: `${scene.server.wsUrl}/yjs`,
      connect: true,
      shouldReconnect: () => false,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    provider.awareness.setLocalStateField('user', { name: username });
    tabs.push({ doc, provider });
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    return { doc, provider };
  };

  it("keeps each account's client id, cursor and edits its own", async () => {
    await openTab('usa');
    const second = await openTab('eu');
    const closed = new Promise<string>((resolve) => second.provider.once('connection-close', (event) => resolve(`closed with ${event?.code}`)));
    operativeText(second.doc, 2).insert(0, 'Welcomes ');
    const relayed = waitForDoc(scene.bystander.doc, (doc) => operativeText(doc, 2).toString().startsWith('Welcomes '));
    expect(await Promise.race([relayed.then(() => 'relayed'), closed])).toBe('relayed');
    expect(await scene.server.store.clientIds.claim(second.doc.clientID, 'nobody')).toBe(await scene.userId('eu'));
  });
});
