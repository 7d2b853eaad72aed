import * as decoding from 'lib0/decoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/closeCodes';
import { sample, scrape } from '../../helpers/prometheus';
import { paragraphTexts } from '../../helpers/yjsClient';
import { garbage, syncFrame, updatesAs } from '../../helpers/yjsBytes';
import { AttackScene, operativeText, updateFrame } from './scene';

// Each test, in both suites below, gets a fresh scene.
let scene: AttackScene;

beforeEach(async () => {
  scene = new AttackScene();
  await scene.start();
});
afterEach(() => scene.stop());

const liveDocuments = async () => sample((await scrape(scene.server.url)).text, 'resolutions_live_documents');

/**
 * A room that holds its draft as binary state (nobody has typed since it loaded) builds its
 * Y.Doc for the first update: a modified client's malformed update must be refused exactly as a
 * room with a live document refuses it, and leave the draft as it was.
 */
describe('attack: malformed updates against a room that holds binary state', () => {
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

/**
 * A sync step 1 is answered from the binary state (Yjs' diffUpdate) with no Y.Doc: a forged
 * state vector Yjs can read gets what it claims to lack and nothing breaks; one it cannot read is
 * refused before any answer is worked out.
 */
describe('attack: forged state vectors against a room that holds binary state', () => {
  const stateVector = (clocks: Array<[client: number, clock: number]>) => Y.encodeStateVector(new Map(clocks));
  /** The update of the first sync step 2 the connection is sent. */
  const answerTo = (ws: WebSocket) =>
    new Promise<Uint8Array>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1) resolve(decoding.readVarUint8Array(decoder));
      });
    });

  it('answers readable ones with what they claim to lack, without building the document', async () => {
    const original = paragraphTexts(scene.victim.doc);
    const victimClock = Y.decodeStateVector(Y.encodeStateVector(scene.victim.doc));
    const forged: Array<[string, Uint8Array, string[]]> = [
      ['clients the draft never had', stateVector([[123456, 7], [0, 2 ** 40]]), original],
      ['every client at a clock far beyond the draft', stateVector([...victimClock.keys()].map((client) => [client, 2 ** 52])), []],
      ['a vector followed by stray bytes', new Uint8Array([...stateVector([[99, 1]]), 0xff, 0xff, 0x01]), original],
    ];
    for (const [, vector, texts] of forged) {
      const attacker = await scene.attacker();
      const answer = answerTo(attacker.ws);
      attacker.ws.send(syncFrame(0, vector));
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, await answer);
      expect(paragraphTexts(fresh)).toEqual(texts);
      fresh.destroy();
      attacker.ws.close();
    }
    expect(await liveDocuments()).toBe(0);
    expect(await scene.textsSeenAfresh()).toEqual({ newcomer: original, stored: original });
  });

  it('refuses an unreadable one with a close, and the room keeps serving', async () => {
    const attacker = await scene.attacker();
    attacker.ws.send(syncFrame(0, new Uint8Array([5, 1])));
    expect((await attacker.closed).code).toBe(CloseCode.BadMessage);
    expect(await liveDocuments()).toBe(0);
    const original = paragraphTexts(scene.victim.doc);
    expect(await scene.textsSeenAfresh()).toEqual({ newcomer: original, stored: original });
  });
});
