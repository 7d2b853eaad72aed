import * as Y from 'yjs';
import { CloseCode } from '../../../shared/closeCodes';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import type { VersionSummary } from '../../../shared/versions';
import { findParagraph } from '../../helpers/anchors';
import { LogCapture, WARN } from '../../helpers/captureLogs';
import { requestJson } from '../../helpers/http';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { connectYjs, paragraphTexts, waitForDoc, type YjsClient } from '../../helpers/yjsClient';

/** Long enough for a refusal on loopback; an accepted attack is not closed at all. */
const CLOSE_WAIT_MS = 5_000;

const part = (doc: Y.Doc, index: number) => doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(index) as Y.XmlElement;
const textOf = (paragraph: Y.XmlElement) => paragraph.get(0) as Y.XmlText;

/** What a modified client writes with the stock Yjs API into its synced copy of the demo draft. */
const ATTACKS: Array<[string, (doc: Y.Doc) => void, RegExp]> = [
  [
    'an unknown node name',
    (doc) => {
      const script = new Y.XmlElement('script');
      script.insert(0, [new Y.XmlText('alert(1)')]);
      part(doc, 4).insert(0, [script]);
    },
    /element "script" in operative/,
  ],
  ['an unknown mark', (doc) => textOf(findParagraph(doc, 'Urges')).format(0, 5, { link: { href: 'https://example.org' } }), /mark "link"/],
  ['a bad attribute type', (doc) => findParagraph(doc, 'Urges').setAttribute('level', 'deep'), /bad value for attribute level/],
  ['a paragraph inside the heading', (doc) => part(doc, 0).insert(0, [new Y.XmlElement('operative_paragraph')]), /in heading/],
  ['a top-level map', (doc) => doc.getMap('x').set('owned', true), /write to root "x"/],
];

describe('attack: content outside the resolution schema', () => {
  let server: TestServer;
  const logs = new LogCapture();
  let draftId: string;
  let zeroDraft: string;
  let attackerId: string;
  const tokens: Record<string, string> = {};
  let honest: YjsClient;
  let watcher: YjsClient;
  let edits = 0;

  const get = (path: string, username = 'eu') => requestJson(`${server.url}/api/drafts/${draftId}${path}`, { token: tokens[username] });

  /** Resolves with the close the server sent, or null when it did not close in time. */
  const serverClose = (client: YjsClient) =>
    new Promise<{ code: number; reason: string } | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), CLOSE_WAIT_MS);
      client.provider.once('closed', (event) => {
        clearTimeout(timer);
        resolve(event);
      });
    });

  /** Every log entry written by the attacker's connections. */
  const storedFromAttacker = async () => {
    const entries = [];
    for await (const entry of server.store.documents.updatesBetween(draftId, 0)) if (entry.authorId === attackerId) entries.push(entry);
    return entries;
  };

  beforeAll(async () => {
    server = await startTestServer({}, logs.logger);
    draftId = await server.demoDraftId();
    for (const username of ['kazakhstan', 'eu', 'usa', 'nigeria', 'chair']) tokens[username] = (await server.login(username)).token;
    attackerId = (await server.store.users.findByUsername('usa'))!.id;
    const versions = await get('/versions');
    zeroDraft = (versions.body as { versions: VersionSummary[] }).versions[0].id;
    honest = connectYjs(server.wsUrl, draftId, tokens.kazakhstan);
    watcher = connectYjs(server.wsUrl, draftId, tokens.eu);
    await Promise.all([honest.synced, watcher.synced]);
  });
  afterAll(async () => {
    honest.destroy();
    watcher.destroy();
    await server.stop();
  });

  it.each(ATTACKS)('%s is refused with 4400 and a log line, stored nowhere, and harms no one', async (_, attack, reason) => {
    const before = paragraphTexts(honest.doc);
    const logMark = logs.mark();
    const attacker = connectYjs(server.wsUrl, draftId, tokens.usa);
    try {
      await attacker.synced;
      const closed = serverClose(attacker);
      attack(attacker.doc);
      expect(await closed).toEqual({ code: CloseCode.BadMessage, reason: expect.stringMatching(reason) });
    } finally {
      attacker.destroy();
    }
    expect(logs.since(logMark).filter((entry) => entry.msg === 'closing yjs connection')).toEqual([
      expect.objectContaining({ level: WARN, code: CloseCode.BadMessage, reason: expect.stringMatching(reason), user: attackerId }),
    ]);
    expect(await storedFromAttacker()).toEqual([]);

    // The delegations still editing keep their text and their connection, and see each other's edits.
    const marker = ` [edit ${++edits}]`;
    const urges = textOf(findParagraph(honest.doc, 'Urges'));
    urges.insert(urges.length, marker);
    await waitForDoc(watcher.doc, (doc) => textOf(findParagraph(doc, 'Urges')).toString().endsWith(marker));
    const expected = before.map((text) => (text.startsWith('Urges') ? text + marker : text));
    expect(paragraphTexts(watcher.doc)).toEqual(expected);
    expect([honest.provider.wsconnected, watcher.provider.wsconnected]).toEqual([true, true]);

    // A newcomer gets exactly that text and nothing else.
    const newcomer = connectYjs(server.wsUrl, draftId, tokens.nigeria);
    try {
      await newcomer.synced;
      expect(paragraphTexts(newcomer.doc)).toEqual(expected);
      expect([...newcomer.doc.share.keys()]).toEqual([PROSEMIRROR_FRAGMENT]);
    } finally {
      newcomer.destroy();
    }

    // History still reads the text: compare and preview answer.
    expect((await get(`/compare?from=${zeroDraft}&to=current`)).status).toBe(200);
    expect((await get(`/versions/${zeroDraft}`)).status).toBe(200);
  });

  it('after all attacks, the facilitator can still restore the zero draft and compare with it', async () => {
    const restored = await requestJson(`${server.url}/api/drafts/${draftId}/versions/${zeroDraft}/restore`, { method: 'POST', token: tokens.chair });
    expect(restored.status).toBe(201);
    await waitForDoc(watcher.doc, (doc) => !paragraphTexts(doc).some((text) => text.includes('[edit')));
    expect((await get(`/compare?from=${zeroDraft}&to=current`)).status).toBe(200);
  });
});
