import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { connectYjs, paragraphTexts, waitForDoc } from '../../helpers/yjsClient';
import { AttackScene, operativeText } from './scene';

/**
 * A delegate types while the server is down, reloads the page (a new Yjs client id; the offline
 * text, written under the old one, comes back from the browser's copy) and types on as soon as
 * the restarted server answers. That first keystroke follows on from offline text under the old
 * id, which the restarted server has not cached (or never saw): it must be held until the sync
 * step 2 brings that text, not refused.
 */
describe('Yjs channel: typing right after reloading offline edits on a restarted server', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reload-after-restart-'));
  let scene: AttackScene;

  afterAll(async () => {
    await scene.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds the keystroke until the offline text arrives, and everyone converges', async () => {
    scene = new AttackScene();
    await scene.start(dataDir);
    await scene.victimTypes('Online ', 3);
    scene.victim.provider.disconnect();
    // Offline, under the client id the server bound before its restart.
    operativeText(scene.victim.doc, 3).insert(7, 'offline ');
    const localCopy = Y.encodeStateAsUpdate(scene.victim.doc);
    await scene.closeClients();
    await scene.server.close();

    scene = new AttackScene();
    await scene.start(dataDir);
    const reloaded = connectYjs(scene.server.wsUrl, scene.draftId, (await scene.server.login('kazakhstan')).token, { connect: false });
    Y.applyUpdate(reloaded.doc, localCopy);
    const closed = new Promise<string>((resolve) => reloaded.provider.once('connection-close', (event) => resolve(`closed with ${event?.code}`)));
    const typeOnOpen = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      reloaded.provider.off('status', typeOnOpen);
      operativeText(reloaded.doc, 3).insert(15, 'quick ');
    };
    reloaded.provider.on('status', typeOnOpen);
    reloaded.provider.connect();

    try {
      const converged = waitForDoc(scene.bystander.doc, (doc) => operativeText(doc, 3).toString().startsWith('Online offline quick '));
      expect(await Promise.race([converged.then(() => 'converged'), closed])).toBe('converged');
      expect(paragraphTexts(scene.bystander.doc)).toEqual(paragraphTexts(reloaded.doc));
    } finally {
      reloaded.destroy();
    }
  });
});
