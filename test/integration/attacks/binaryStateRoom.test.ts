import { CloseCode } from '../../../shared/closeCodes';
import { sample, scrape } from '../../helpers/prometheus';
import { paragraphTexts } from '../../helpers/yjsClient';
import { garbage, updatesAs } from '../../helpers/yjsBytes';
import { AttackScene, operativeText, updateFrame } from './scene';

/**
 * A room that holds its draft as binary state (nobody has typed since it loaded) builds its
 * Y.Doc for the first update: a modified client's malformed update must be refused exactly as a
 * room with a live document refuses it, and leave the draft as it was.
 */
describe('attack: malformed updates against a room that holds binary state', () => {
  let scene: AttackScene;

  beforeEach(async () => {
    scene = new AttackScene();
    await scene.start();
  });
  afterEach(() => scene.stop());

  const liveDocuments = async () => sample((await scrape(scene.server.url)).text, 'resolutions_live_documents');

  /** An insertion by the attacker into operative paragraph 1, built on what the victim's client has. */
  const attackerInsertion = () => updatesAs(null, scene.victim.doc, (doc) => operativeText(doc, 1).insert(0, 'Hijacked '))[0];
  /** Words placed beside text the victim has not typed yet (see pendingDependencies.test.ts). */
  const dependsOnMissing = () => {
    const predicted = scene.predictVictim('Urgently ');
    const [forged] = updatesAs(null, predicted, (doc) => operativeText(doc, 0).insert(9, 'and without delay '));
    predicted.destroy();
    return forged;
  };

  const cases: Array<[string, () => Uint8Array]> = [
    ['bytes that are not an update', () => garbage(64)],
    ['a truncated update', () => attackerInsertion().subarray(0, 12)],
    ['an update that depends on changes the server does not have', dependsOnMissing],
  ];

  it.each(cases)('refuses %s as a room with a live document does, and the draft stays intact', async (_name, update) => {
    const original = paragraphTexts(scene.victim.doc);
    expect(await liveDocuments()).toBe(0);
    const againstBinary = await scene.attacker();
    againstBinary.ws.send(updateFrame(update()));
    const refusedFromBinary = await againstBinary.closed;
    expect(refusedFromBinary.code).toBe(CloseCode.BadMessage);

    const afterBinary = await scene.textsSeenAfresh();
    expect(afterBinary).toEqual({ newcomer: original, stored: original });
    expect(paragraphTexts(scene.bystander.doc)).toEqual(original);

    // The same frame against the same draft with its document built (the victim has typed).
    await scene.victimTypes('Recalling ', 0);
    expect(await liveDocuments()).toBe(1);
    const againstLive = await scene.attacker();
    againstLive.ws.send(updateFrame(update()));
    expect(await againstLive.closed).toEqual(refusedFromBinary);
  });
});
