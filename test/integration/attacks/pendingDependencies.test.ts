import * as Y from 'yjs';
import { CloseCode } from '../../../shared/closeCodes';
import { WARN } from '../../helpers/captureLogs';
import { paragraphTexts } from '../../helpers/yjsClient';
import { updatesAs } from '../../helpers/yjsBytes';
import { AttackScene, operativeText, updateFrame } from './scene';

/**
 * A modified client sends changes that depend on another delegation's text that does not exist
 * yet. Yjs would keep them pending on the server and fold them into the victim's next edit:
 * a deletion of the victim's words (for everyone but the victim), or the attacker's words
 * logged as the victim's. The server refuses them instead.
 */
describe('attack: changes that wait for another delegation\'s future text', () => {
  let scene: AttackScene;

  beforeEach(async () => {
    scene = new AttackScene();
    await scene.start();
  });
  afterEach(() => scene.stop());

  const expectRefused = async (closed: Promise<{ code: number; reason: string }>) => {
    expect(await closed).toEqual({ code: CloseCode.BadMessage, reason: expect.stringMatching(/^update depends on changes the server does not have/) });
    expect(scene.closeLines()).toContainEqual(expect.objectContaining({ level: WARN, code: CloseCode.BadMessage }));
  };

  it('refuses a deletion aimed at the clocks the victim writes next; the victim\'s words survive for everyone', async () => {
    await scene.victimTypes('Recalling also ', 1);
    const victimId = scene.victim.doc.clientID;
    // The attacker writes the victim's next 40 characters itself and deletes them: only the deletion is sent.
    const [, deletion] = updatesAs(
      victimId,
      scene.victim.doc,
      (doc) => operativeText(doc, 0).insert(0, 'x'.repeat(40)),
      (doc) => operativeText(doc, 0).delete(0, 40),
    );
    const attacker = await scene.attacker();
    attacker.ws.send(updateFrame(deletion));
    await expectRefused(attacker.closed);

    await scene.victimTypes('Urgently ');
    expect(operativeText(scene.victim.doc, 0).toString()).toMatch(/^Urgently /);
    const { newcomer, stored } = await scene.textsSeenAfresh();
    expect(newcomer).toEqual(paragraphTexts(scene.victim.doc));
    expect(stored).toEqual(paragraphTexts(scene.victim.doc));
  });

  it('refuses words placed beside text the victim has not typed yet; nothing of the attacker is logged as the victim\'s', async () => {
    await scene.victimTypes('Recalling also ', 1);
    const victimId = scene.victim.doc.clientID;
    // The victim's next 9 characters, as the attacker predicts them, and the attacker's words right after.
    const predicted = scene.predictVictim('Urgently ');
    const [forged] = updatesAs(null, predicted, (doc) => operativeText(doc, 0).insert(9, 'and without delay '));
    predicted.destroy();
    const attacker = await scene.attacker();
    attacker.ws.send(updateFrame(forged));
    await expectRefused(attacker.closed);

    await scene.victimTypes('Strongly ');
    const { newcomer, stored } = await scene.textsSeenAfresh();
    for (const texts of [paragraphTexts(scene.bystander.doc), newcomer, stored]) {
      expect(texts.join('\n')).not.toContain('without delay');
      expect(texts).toEqual(paragraphTexts(scene.victim.doc));
    }
    // Every logged change of the victim writes only with the victim's own client id.
    const victimUserId = await scene.userId('kazakhstan');
    for await (const entry of scene.server.store.documents.updatesBetween(scene.draftId, 0)) {
      if (entry.authorId !== victimUserId) continue;
      const writers = new Set(Y.decodeUpdate(entry.update).structs.map((struct) => struct.id.client));
      expect([...writers]).toEqual([victimId]);
    }
  });

  it('refuses, rather than holds, an update that waits both for its sender\'s own changes and for the victim\'s next words', async () => {
    await scene.victimTypes('Recalling also ', 1);
    const predicted = scene.predictVictim('Urgently ');
    // Its first update (which it keeps back) would be held; the second also needs the victim's future text.
    const [, both] = updatesAs(null, predicted, (doc) => operativeText(doc, 2).insert(0, 'own '), (doc) => operativeText(doc, 0).insert(9, 'and at once '));
    predicted.destroy();
    const attacker = await scene.attacker();
    attacker.ws.send(updateFrame(both));
    await expectRefused(attacker.closed);
    await scene.victimTypes('Urgently ');
    expect(paragraphTexts(scene.bystander.doc).join('\n')).not.toContain('at once');
  });
});
