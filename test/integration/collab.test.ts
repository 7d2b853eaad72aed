import * as Y from 'yjs';
import { awarenessUserOf } from '../../shared/awarenessState';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectYjs, paragraphTexts, waitForDoc, type YjsClient } from '../helpers/yjsClient';

/** The XmlText of the n-th operative paragraph of a synced draft. */
function operativeText(doc: Y.Doc, n: number): Y.XmlText {
  const operative = doc.getXmlFragment('prosemirror').toArray()[4] as Y.XmlElement;
  return (operative.toArray()[n] as Y.XmlElement).get(0) as Y.XmlText;
}

describe('Yjs channel: co-editing through the server', () => {
  let server: TestServer;
  let draftId: string;
  const clients: YjsClient[] = [];
  const connect = async (username: string) => {
    const { token } = await server.login(username);
    const client = connectYjs(server.wsUrl, draftId, token);
    clients.push(client);
    await client.synced;
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
    draftId = await server.demoDraftId();
  });
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
  afterAll(() => server.stop());

  it('gives a new client the seeded demo draft', async () => {
    const client = await connect('kazakhstan');
    const texts = paragraphTexts(client.doc);
    expect(texts[0]).toBe('E/CN.15/2026/L.4');
    expect(texts.some((t) => t.startsWith('Urges Member States'))).toBe(true);
  });

  it('converges two clients editing the same paragraph concurrently, and a latecomer gets it all', async () => {
    const a = await connect('kazakhstan');
    const b = await connect('eu');
    // Both edit before seeing each other's change.
    operativeText(a.doc, 0).insert(0, '[KZ] ');
    operativeText(b.doc, 0).insert(0, '[EU] ');
    operativeText(b.doc, 1).insert(0, 'Strongly ');
    const converged = (doc: Y.Doc) => {
      const text = operativeText(doc, 0).toString();
      return text.includes('[KZ] ') && text.includes('[EU] ') && operativeText(doc, 1).toString().startsWith('Strongly ');
    };
    await Promise.all([waitForDoc(a.doc, converged), waitForDoc(b.doc, converged)]);
    expect(operativeText(a.doc, 0).toString()).toBe(operativeText(b.doc, 0).toString());

    const late = await connect('usa');
    expect(paragraphTexts(late.doc)).toEqual(paragraphTexts(a.doc));
  });

  it('drops text changes from an observer and keeps everyone else unaffected', async () => {
    const delegate = await connect('nigeria');
    const observer = await connect('secretariat');
    operativeText(observer.doc, 2).insert(0, 'OBSERVER WAS HERE ');
    operativeText(delegate.doc, 2).insert(0, 'Firmly ');
    const later = await connect('belarus');
    await waitForDoc(later.doc, (doc) => operativeText(doc, 2).toString().startsWith('Firmly '));
    expect(operativeText(later.doc, 2).toString()).not.toContain('OBSERVER');
  });

  it('records each change with the authenticated author', async () => {
    const client = await connect('philippines');
    const { user } = await server.login('philippines');
    operativeText(client.doc, 3).insert(0, 'Further ');
    await waitForDoc((await connect('chair')).doc, (doc) => operativeText(doc, 3).toString().startsWith('Further '));
    const authors = new Set<string>();
    for await (const entry of server.store.documents.updatesBetween(draftId, 0)) authors.add(entry.authorId);
    expect(authors).toContain(user.id);
  });

  it('labels and colours every cursor as the authenticated delegation, whatever the client claims', async () => {
    const kz = await connect('kazakhstan');
    const eu = await connect('eu');
    kz.provider.awareness.setLocalStateField('user', { name: 'United States', color: '#123456', userId: 'forged' });
    const kzId = kz.doc.clientID;
    const label = () => eu.provider.awareness.getStates().get(kzId)?.user;
    await new Promise<void>((resolve) => (label() ? resolve() : eu.provider.awareness.on('change', () => label() && resolve())));
    expect(label()).toEqual(awarenessUserOf((await server.login('kazakhstan')).user, 'Kazakhstan'));
  });

  it('shares cursors (awareness) and removes them when a client leaves', async () => {
    const a = await connect('kazakhstan');
    const b = await connect('eu');
    a.provider.awareness.setLocalStateField('user', { name: 'Kazakhstan' });
    const seen = () => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Kazakhstan');
    await new Promise<void>((resolve) => (seen() ? resolve() : b.provider.awareness.on('change', () => seen() && resolve())));
    const aId = a.doc.clientID;
    const gone = new Promise<void>((resolve) =>
      b.provider.awareness.on('change', () => !b.provider.awareness.getStates().has(aId) && resolve()),
    );
    a.provider.disconnect();
    await gone;
  });
});
