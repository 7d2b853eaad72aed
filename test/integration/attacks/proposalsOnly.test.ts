import * as Y from 'yjs';
import type { DraftSummary } from '../../../shared/drafts';
import type { DraftEditing, DraftEditingView } from '../../../shared/proposals';
import { requestJson } from '../../helpers/http';
import { connectSocket, emitAck, nextEvent } from '../../helpers/socketClient';
import { paragraphTexts, waitForDoc, type YjsClient } from '../../helpers/yjsClient';
import { updatesAs } from '../../helpers/yjsBytes';
import { AttackScene, operativeText, updateFrame } from './scene';

const operative = (doc: Y.Doc) => doc.getXmlFragment('prosemirror').get(4) as Y.XmlElement;
const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

/** A modified client's three changes, each in a frame of its own: an OP edited, one inserted, one deleted. */
const attackEdits: Array<(doc: Y.Doc) => void> = [
  (doc) => operativeText(doc, 0).insert(0, 'Strongly condemns and '),
  (doc) => {
    const inserted = new Y.XmlElement('operative_paragraph');
    inserted.setAttribute('id', 'p-usa-insert');
    inserted.insert(0, [new Y.XmlText('Decides to abolish the Commission;')]);
    operative(doc).insert(1, [inserted]);
  },
  (doc) => operative(doc).delete(2, 1),
];

/**
 * Issue 11, "proposals only": a delegate's modified client that writes straight into the text of
 * a draft where delegates make proposals only has its changes put back by the server.
 */
describe('attack: direct edits in a proposals-only draft', () => {
  let scene = new AttackScene();
  let chairToken: string;

  const setEditing = async (editing: unknown, token = chairToken) =>
    requestJson<DraftEditingView & { error?: string }>(`${scene.server.url}/api/drafts/${scene.draftId}/editing`, { method: 'PUT', token, json: { editing } });
  const switchTo = async (editing: DraftEditing) => expect(await setEditing(editing)).toMatchObject({ status: 200, body: { draftId: scene.draftId, editing } });
  /** Resolves once `client`, having made its changes, is back in step with `other` (the server's answer included). */
  const settled = async (client: YjsClient, other: YjsClient, expected: string[]) => {
    await waitForDoc(client.doc, (doc) => JSON.stringify(paragraphTexts(doc)) === JSON.stringify(expected));
    await waitForDoc(other.doc, (doc) => sameState(doc, client.doc));
  };
  const reverts = () => scene.logs.entries.filter((entry) => entry.msg === 'update changed locked text; reverted' && entry.editing === 'proposals');

  beforeEach(async () => {
    scene = new AttackScene();
    await scene.start();
    chairToken = (await scene.server.login('chair')).token;
  });
  afterEach(() => scene.stop());

  it('puts back an operative paragraph edited, inserted and deleted by a delegate\'s stock client; everyone, newcomers included, sees the original', async () => {
    await switchTo('proposals');
    const original = paragraphTexts(scene.bystander.doc);
    const attacker = await scene.connect('usa');
    attackEdits.forEach((edit) => attacker.doc.transact(() => edit(attacker.doc)));
    expect(paragraphTexts(attacker.doc)).not.toEqual(original);

    await settled(attacker, scene.bystander, original);
    await waitForDoc(scene.victim.doc, (doc) => sameState(doc, attacker.doc));
    expect(paragraphTexts(scene.bystander.doc)).toEqual(original);
    expect(paragraphTexts(scene.victim.doc)).toEqual(original);
    const { newcomer, stored } = await scene.textsSeenAfresh();
    expect(newcomer).toEqual(original);
    expect(stored).toEqual(original);
    expect(reverts().length).toBeGreaterThanOrEqual(attackEdits.length);
    expect(scene.closeLines()).toEqual([]);
  });

  it('puts back the same changes sent as raw frames, and lets the facilitator edit directly', async () => {
    await switchTo('proposals');
    const original = paragraphTexts(scene.bystander.doc);
    const expected = [...original];
    const chairsParagraph = expected.indexOf(operativeText(scene.bystander.doc, 1).toString());
    expected[chairsParagraph] = `Chair: ${expected[chairsParagraph]}`;
    const attacker = await scene.attacker();
    for (const update of updatesAs(null, scene.victim.doc, ...attackEdits)) attacker.ws.send(updateFrame(update));
    // The facilitator's edit comes after the attack, so once it is in, so is the server's answer.
    const chair = await scene.connect('chair');
    operativeText(chair.doc, 1).insert(0, 'Chair: ');
    await waitForDoc(scene.bystander.doc, (doc) => operativeText(doc, 1).toString().startsWith('Chair: '));
    await waitForDoc(scene.bystander.doc, (doc) => sameState(doc, chair.doc));
    expect(paragraphTexts(scene.bystander.doc)).toEqual(expected);
    expect((await scene.textsSeenAfresh()).newcomer).toEqual(expected);
    expect(reverts().length).toBe(attackEdits.length);
  });

  it('lets the same edit through once the facilitator switches back to direct edits, from the very next frame', async () => {
    await switchTo('proposals');
    const original = paragraphTexts(scene.bystander.doc);
    operativeText(scene.victim.doc, 0).insert(0, 'Strongly ');
    await settled(scene.victim, scene.bystander, original);

    await switchTo('direct');
    operativeText(scene.victim.doc, 0).insert(0, 'Firmly ');
    await waitForDoc(scene.bystander.doc, (doc) => operativeText(doc, 0).toString().startsWith('Firmly '));
    // Anything the server would put back is relayed before an edit made after it.
    const chair = await scene.connect('chair');
    operativeText(chair.doc, 1).insert(0, 'Chair: ');
    await waitForDoc(scene.victim.doc, (doc) => operativeText(doc, 1).toString().startsWith('Chair: '));
    expect(operativeText(scene.victim.doc, 0).toString()).toMatch(/^Firmly /);
    expect(operativeText(scene.bystander.doc, 0).toString()).toMatch(/^Firmly /);
    expect(reverts()).toHaveLength(1);
    expect(scene.closeLines()).toEqual([]);
  });

  it('lets only a facilitator of the negotiation switch, answers bad input with 400, and tells the room', async () => {
    const delegate = await connectSocket(scene.server.url, (await scene.server.login('eu')).token);
    try {
      expect(await emitAck(delegate, 'draft:join', { draftId: scene.draftId })).toMatchObject({ ok: true });
      for (const username of ['kazakhstan', 'secretariat']) {
        expect(await setEditing('proposals', (await scene.server.login(username)).token)).toEqual({
          status: 403, contentType: expect.any(String), body: { error: 'only a facilitator chooses how delegates edit the draft' },
        });
      }
      expect((await setEditing('proposals', (await scene.server.login('chair2')).token)).status).toBe(404);
      for (const bad of ['sometimes', undefined, 1]) {
        const refused = await setEditing(bad);
        expect(refused.status).toBe(400);
        expect(refused.body.error).toMatch(/editing/);
      }
      const { body: before } = await requestJson<{ draft: DraftSummary }>(`${scene.server.url}/api/drafts/${scene.draftId}`, { token: chairToken });
      expect(before.draft.editing).toBe('direct');

      const heard = nextEvent<DraftEditingView>(delegate, 'draft:editing');
      await switchTo('proposals');
      expect(await heard).toEqual({ draftId: scene.draftId, editing: 'proposals' });
      const { body: opened } = await requestJson<{ draft: DraftSummary }>(`${scene.server.url}/api/drafts/${scene.draftId}`, { token: chairToken });
      expect(opened.draft.editing).toBe('proposals');
      const { body: listed } = await requestJson<{ drafts: DraftSummary[] }>(`${scene.server.url}/api/drafts`, { token: chairToken });
      expect(listed.drafts.find((draft) => draft.id === scene.draftId)?.editing).toBe('proposals');
      // Setting the rule in force again changes nothing, so it is audited once.
      await switchTo('proposals');
      const audit = await scene.server.store.audit.listByNegotiation(opened.draft.negotiationId, 10);
      expect(audit.filter((entry) => entry.action === 'draft-editing')).toEqual([
        expect.objectContaining({ target: scene.draftId, detail: 'proposals', actorName: 'Facilitator' }),
      ]);
    } finally {
      delegate.disconnect();
    }
  });

  it('keeps the rule across a restart: the room loads it with the draft', async () => {
    await switchTo('proposals');
    const { dataDir } = scene.server;
    await scene.closeClients();
    await scene.server.close();
    scene = new AttackScene();
    await scene.start(dataDir);

    const original = paragraphTexts(scene.bystander.doc);
    operativeText(scene.victim.doc, 0).insert(0, 'After the restart ');
    await settled(scene.victim, scene.bystander, original);
    expect(paragraphTexts(scene.bystander.doc)).toEqual(original);
    expect(reverts()).toHaveLength(1);
  });
});
