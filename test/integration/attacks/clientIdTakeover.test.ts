import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/closeCodes';
import { WARN } from '../../helpers/captureLogs';
import { paragraphTexts, waitForDoc } from '../../helpers/yjsClient';
import { updatesAs } from '../../helpers/yjsBytes';
import { AttackScene, operativeText, updateFrame } from './scene';

/**
 * A modified client writes under another delegation's Yjs client id: it takes over the
 * victim's clocks, so the victim's next characters collide with the attacker's. The server
 * binds each client id to the first user who writes with it, durably, and refuses the rest.
 */
describe('attack: writing under another delegation\'s client id', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-id-takeover-'));
  let scene: AttackScene;

  beforeEach(async () => {
    scene = new AttackScene();
    await scene.start(dataDir);
  });
  afterEach(async () => {
    await scene.closeClients();
    await scene.server.close();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** The attacker continues the victim's clocks with its own words. */
  const hijack = async (victimId: number, base: Y.Doc) => {
    const [update] = updatesAs(victimId, base, (doc) => operativeText(doc, 2).insert(0, 'HIJACKED '));
    const attacker = await scene.attacker();
    attacker.ws.send(updateFrame(update));
    expect(await attacker.closed).toEqual({ code: CloseCode.BadMessage, reason: `client id ${victimId} belongs to another user` });
    expect(scene.closeLines()).toContainEqual(expect.objectContaining({ level: WARN, code: CloseCode.BadMessage }));
  };

  let victimId: number;
  let victimState: Uint8Array;

  it('refuses it, and the victim keeps typing as before', async () => {
    await scene.victimTypes('Recalling also ', 1);
    victimId = scene.victim.doc.clientID;
    await hijack(victimId, scene.victim.doc);

    await scene.victimTypes('Urgently ');
    const { newcomer, stored } = await scene.textsSeenAfresh();
    for (const texts of [paragraphTexts(scene.bystander.doc), newcomer, stored]) {
      expect(texts.join('\n')).not.toContain('HIJACKED');
      expect(texts).toEqual(paragraphTexts(scene.victim.doc));
    }
    victimState = Y.encodeStateAsUpdate(scene.victim.doc);
  });

  it('refuses it before the victim has typed: an id is claimed when its cursor is announced', async () => {
    const quiet = await scene.connect('philippines');
    const announced = quiet.doc.clientID;
    await new Promise<void>((resolve) => {
      const seen = () => scene.bystander.provider.awareness.getStates().has(announced) && resolve();
      scene.bystander.provider.awareness.on('change', seen);
      seen();
    });
    await hijack(announced, quiet.doc);

    operativeText(quiet.doc, 3).insert(0, 'Stresses ');
    await waitForDoc(scene.bystander.doc, (doc) => operativeText(doc, 3).toString().startsWith('Stresses '));
    expect(paragraphTexts(scene.bystander.doc).join('\n')).not.toContain('HIJACKED');
  });

  it('still refuses it after a restart on the same data', async () => {
    const base = new Y.Doc();
    Y.applyUpdate(base, victimState);
    await hijack(victimId, base);
    base.destroy();
    const { newcomer } = await scene.textsSeenAfresh();
    expect(newcomer.join('\n')).not.toContain('HIJACKED');
  });
});
