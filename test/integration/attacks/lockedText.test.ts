import * as Y from 'yjs';
import type { Ack } from '../../../shared/events';
import type { ParagraphView } from '../../../shared/paragraphs';
import type { DraftActivityResponse } from '../../../shared/versions';
import { requestJson } from '../../helpers/http';
import { connectSocket, emitAck, nextEvent, type ClientSocket } from '../../helpers/socketClient';
import { paragraphTexts, waitForDoc } from '../../helpers/yjsClient';
import { updatesAs } from '../../helpers/yjsBytes';
import { AttackScene, operativeText, updateFrame } from './scene';

const fragment = (doc: Y.Doc) => doc.getXmlFragment('prosemirror');
const symbolText = (doc: Y.Doc) => ((fragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
const operativeParagraph = (doc: Y.Doc, n: number) => (fragment(doc).get(4) as Y.XmlElement).get(n) as Y.XmlElement;

describe('attack: changing agreed text and the heading', () => {
  const scene = new AttackScene();
  let chair: ClientSocket;
  /** OP2 of the demo draft, agreed ad ref by the chair before each test. */
  let agreedId: string;

  const setStatus = (payload: object, socket = chair) =>
    emitAck<{ paragraph: ParagraphView }>(socket, 'paragraph:status', { draftId: scene.draftId, ...payload });
  const joined = async (username: string) => {
    const socket = await connectSocket(scene.server.url, (await scene.server.login(username)).token);
    expect(await emitAck(socket, 'draft:join', { draftId: scene.draftId })).toMatchObject({ ok: true });
    return socket;
  };

  beforeEach(async () => {
    await scene.start();
    chair = await joined('chair');
    agreedId = operativeParagraph(scene.victim.doc, 1).getAttribute('id')!;
    expect(await setStatus({ paragraphId: agreedId, status: 'agreed_ad_ref' })).toMatchObject({ ok: true, paragraph: { id: agreedId, status: 'agreed_ad_ref' } });
  });
  afterEach(async () => {
    chair.disconnect();
    await scene.stop();
  });

  it('puts back what a delegate\'s raw client wrote into an agreed paragraph and the heading; everyone, newcomers included, sees the text unchanged', async () => {
    const expected = paragraphTexts(scene.bystander.doc);
    const markedText = operativeText(scene.bystander.doc, 2).toString();
    expected[expected.indexOf(markedText)] = `Marker ${markedText}`;
    const attacker = await scene.attacker();
    const [attack, marker] = updatesAs(
      null,
      scene.victim.doc,
      (doc) => {
        operativeText(doc, 1).insert(0, 'Rejects ');
        operativeText(doc, 1).delete(10, 20);
        operativeParagraph(doc, 1).setAttribute('level', 2 as unknown as string);
        symbolText(doc).insert(0, 'FAKE/');
      },
      (doc) => operativeText(doc, 2).insert(0, 'Marker '),
    );
    attacker.ws.send(updateFrame(attack));
    attacker.ws.send(updateFrame(marker));
    await waitForDoc(scene.bystander.doc, (doc) => operativeText(doc, 2).toString().startsWith('Marker '));

    await waitForDoc(scene.victim.doc, (doc) => operativeText(doc, 2).toString().startsWith('Marker '));
    expect(paragraphTexts(scene.bystander.doc)).toEqual(expected);
    expect(paragraphTexts(scene.victim.doc)).toEqual(expected);
    expect(operativeParagraph(scene.bystander.doc, 1).getAttribute('level')).toBe(0);
    expect(operativeParagraph(scene.bystander.doc, 1).getAttribute('id')).toBe(agreedId);
    const { newcomer, stored } = await scene.textsSeenAfresh();
    expect(newcomer).toEqual(expected);
    expect(stored).toEqual(expected);
    expect(scene.closeLines()).toEqual([]);
    expect(scene.logs.entries.some((entry) => entry.msg === 'update changed locked text; reverted')).toBe(true);
    const { token } = await scene.server.login('chair');
    const { body } = await requestJson<DraftActivityResponse>(`${scene.server.url}/api/drafts/${scene.draftId}/activity`, { token });
    expect(body.activity.map((entry) => entry.delegation)).toEqual(expect.arrayContaining(['United States', 'Server']));
  });

  it('keeps an honest client that typed into the paragraph as it was locked connected, and converged', async () => {
    const original = operativeText(scene.bystander.doc, 1).toString();
    // Offline, the victim types into OP2 before it hears of the lock; then it comes back.
    scene.victim.provider.disconnect();
    expect(await setStatus({ paragraphId: agreedId, status: 'agreed_pending', pending: ['Kazakhstan'] })).toMatchObject({ ok: true });
    operativeText(scene.victim.doc, 1).insert(0, 'Strongly ');
    scene.victim.provider.connect();
    await waitForDoc(scene.victim.doc, (doc) => operativeText(doc, 1).toString() === original);
    // And a keystroke racing the status change itself.
    const racing = setStatus({ paragraphId: agreedId, status: 'agreed_ad_ref' });
    operativeText(scene.victim.doc, 1).insert(0, 'Firmly ');
    expect(await racing).toMatchObject({ ok: true });
    await waitForDoc(scene.victim.doc, (doc) => operativeText(doc, 1).toString() === original);
    await waitForDoc(scene.bystander.doc, (doc) => Y.encodeStateVector(doc).toString() === Y.encodeStateVector(scene.victim.doc).toString());
    expect(paragraphTexts(scene.bystander.doc)).toEqual(paragraphTexts(scene.victim.doc));
    expect(scene.victim.provider.wsconnected).toBe(true);
    expect(scene.closeLines()).toEqual([]);
  });

  it('lets the facilitator edit the heading, and nobody edit agreed text until it is reopened', async () => {
    const facilitator = await scene.connect('chair');
    symbolText(facilitator.doc).insert(0, 'Rev.1 ');
    await waitForDoc(scene.bystander.doc, (doc) => symbolText(doc).toString().startsWith('Rev.1 '));
    expect(await setStatus({ paragraphId: agreedId, status: 'reopened', note: 'second reading' })).toMatchObject({ ok: true, paragraph: { status: 'reopened' } });
    operativeText(scene.victim.doc, 1).insert(0, 'Reopened: ');
    await waitForDoc(facilitator.doc, (doc) => operativeText(doc, 1).toString().startsWith('Reopened: '));
    expect(symbolText(scene.victim.doc).toString()).toMatch(/^Rev\.1 /);
  });

  it('answers bad status changes with {ok:false, error} and broadcasts good ones with their history', async () => {
    const delegate = await joined('kazakhstan');
    const refusals: Array<[object, ClientSocket, RegExp]> = [
      [{ paragraphId: 'p-nonexistent', status: 'informals' }, chair, /no such paragraph/],
      [{ paragraphId: agreedId, status: 'approved' }, chair, /status/],
      [{ paragraphId: agreedId, status: 'open' }, delegate, /only a facilitator/],
      [{ paragraphId: agreedId, status: 'agreed_pending', pending: ['Atlantis'] }, chair, /"Atlantis" is not a delegation/],
      [{ paragraphId: agreedId, status: 'agreed_pending' }, chair, /needs the delegations/],
      [{ paragraphId: agreedId, status: 'informals', pending: ['Kazakhstan'] }, chair, /only with agreed_pending/],
    ];
    for (const [payload, socket, error] of refusals) {
      const ack = (await setStatus(payload, socket)) as Extract<Ack, { ok: false }>;
      expect(ack).toEqual({ ok: false, error: expect.stringMatching(error) });
    }
    const heard = nextEvent<ParagraphView>(delegate, 'paragraph:updated');
    await setStatus({ paragraphId: agreedId, status: 'agreed_pending', pending: ['Kazakhstan', 'European Union'], note: 'waiting for capitals' });
    expect(await heard).toMatchObject({ id: agreedId, status: 'agreed_pending', pending: ['Kazakhstan', 'European Union'] });
    const { token } = await scene.server.login('kazakhstan');
    const { status, body } = await requestJson<{ paragraphs: ParagraphView[] }>(`${scene.server.url}/api/drafts/${scene.draftId}/paragraphs`, { token });
    expect(status).toBe(200);
    const agreed = body.paragraphs.find((paragraph) => paragraph.id === agreedId)!;
    expect(agreed).toMatchObject({ kind: 'op', level: 0, label: 'OP2', number: '2.', status: 'agreed_pending' });
    expect(agreed.statusHistory.map(({ from, to, note, byName }) => ({ from, to, note, byName }))).toEqual([
      { from: 'open', to: 'agreed_ad_ref', note: null, byName: 'Facilitator' },
      { from: 'agreed_ad_ref', to: 'agreed_pending', note: 'waiting for capitals', byName: 'Facilitator' },
    ]);
    expect(body.paragraphs.filter((paragraph) => paragraph.id !== agreedId).every((paragraph) => paragraph.status === 'open')).toBe(true);
    expect(body.paragraphs.map((paragraph) => paragraph.label).slice(0, 1)).toEqual(['PP1']);
    delegate.disconnect();
  });
});
