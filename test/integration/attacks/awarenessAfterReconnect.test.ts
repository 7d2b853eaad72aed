import type { YjsClient } from '../../helpers/yjsClient';
import { AttackScene } from './scene';

/** Well before a stock client renews its awareness state (every 15 s): the cursor came from its announcement. */
const PROMPTLY_MS = 5_000;

/** Resolves once `client` sees (or no longer sees) a state under `clientId`; rejects past PROMPTLY_MS. */
function sees(client: YjsClient, clientId: number, present = true): Promise<void> {
  const awareness = client.provider.awareness;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      awareness.off('change', check);
      reject(new Error(`client ${clientId} still ${present ? 'invisible' : 'visible'} after ${PROMPTLY_MS} ms`));
    }, PROMPTLY_MS);
    const check = () => {
      if (awareness.getStates().has(clientId) !== present) return;
      clearTimeout(timer);
      awareness.off('change', check);
      resolve();
    };
    awareness.on('change', check);
    check();
  });
}

/**
 * y-protocols takes an awareness state only when its clock is newer than the one it holds (an
 * unknown client counting as clock 0). A stock client announces its first state at clock 0, and
 * after a reconnect announces its state at the clock it had, which the room has passed when it
 * removed the state of the closed connection. Both must show the cursor at once, not after the
 * client's next renewal.
 */
describe('Yjs channel: a cursor is shown as soon as it is announced', () => {
  let scene: AttackScene;

  beforeAll(async () => {
    scene = new AttackScene();
    await scene.start();
  });
  afterAll(() => scene.stop());

  it('shows the first state of a stock client (clock 0)', async () => {
    // Its provider announces the empty state its Awareness starts with, at clock 0.
    const newcomer = await scene.connect('nigeria');
    await sees(scene.bystander, newcomer.doc.clientID);
  });

  it('shows the cursor again after the connection dropped and came back with the same client id', async () => {
    const { victim, bystander } = scene;
    const id = victim.doc.clientID;
    victim.provider.awareness.setLocalStateField('cursor', null);
    await sees(bystander, id);
    const gone = sees(bystander, id, false);
    // The network drops it: the room removes its state; the provider reconnects by itself.
    victim.provider.ws!.close();
    await gone;
    await sees(bystander, id);
  });

  it('shows the cursor again after the client disconnected and reconnected', async () => {
    const { victim, bystander } = scene;
    const id = victim.doc.clientID;
    const gone = sees(bystander, id, false);
    victim.provider.disconnect();
    await gone;
    victim.provider.connect();
    await sees(bystander, id);
  });
});
