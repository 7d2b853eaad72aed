import { CloseCode } from '../../shared/closeCodes';
import { MAX_HELD_UPDATES } from '../../server/collab/heldUpdates';
import { paragraphTexts, waitForDoc } from '../helpers/yjsClient';
import { updatesAs } from '../helpers/yjsBytes';
import { AttackScene, operativeText, updateFrame } from './attacks/scene';

/**
 * A y-websocket client sends its local updates as soon as the socket opens, before its sync
 * step 2: the first keystroke after a reconnect can follow on from offline text the server
 * does not have yet. The server holds it until that text arrives on the same connection.
 */
describe('Yjs channel: typing while reconnecting', () => {
  let scene: AttackScene;

  beforeAll(async () => {
    scene = new AttackScene();
    await scene.start();
  });
  afterAll(() => scene.stop());

  it('accepts a keystroke sent before the offline text it follows, and everyone converges', async () => {
    const [writer, reader] = [scene.victim, scene.bystander];
    operativeText(writer.doc, 3).insert(0, 'Online ');
    await waitForDoc(reader.doc, (doc) => operativeText(doc, 3).toString().startsWith('Online '));

    writer.provider.disconnect();
    const closes: number[] = [];
    operativeText(writer.doc, 3).insert(7, 'offline ');
    // The very moment the socket opens, before any sync: this keystroke depends on "offline ".
    const typeOnOpen = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      writer.provider.off('status', typeOnOpen);
      writer.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
      operativeText(writer.doc, 3).insert(15, 'quick ');
    };
    writer.provider.on('status', typeOnOpen);
    writer.provider.connect();

    const expected = 'Online offline quick ';
    await waitForDoc(reader.doc, (doc) => operativeText(doc, 3).toString().startsWith(expected));
    expect(closes).toEqual([]);
    expect(writer.provider.wsconnected).toBe(true);
    const newcomer = await scene.connect('nigeria');
    expect(paragraphTexts(newcomer.doc)).toEqual(paragraphTexts(writer.doc));
    expect(paragraphTexts(reader.doc)).toEqual(paragraphTexts(writer.doc));
  });

  it(`asks a client with more than ${MAX_HELD_UPDATES} updates waiting to resync (${CloseCode.Resync}), keeping nothing of them`, async () => {
    const reader = scene.bystander;
    const before = paragraphTexts(reader.doc);
    const updates = updatesAs(
      null,
      reader.doc,
      ...Array.from({ length: MAX_HELD_UPDATES + 2 }, (_, i) => (doc: Parameters<typeof operativeText>[0]) => operativeText(doc, 4).insert(i, 'z')),
    );
    const raw = await scene.attacker();
    // The first update never arrives: everything after it waits for it.
    for (const update of updates.slice(1)) raw.ws.send(updateFrame(update));
    expect(await raw.closed).toEqual({ code: CloseCode.Resync, reason: 'too many updates waiting for changes not yet received' });
    const newcomer = await scene.connect('nigeria');
    expect(paragraphTexts(newcomer.doc)).toEqual(before);
  });
});
