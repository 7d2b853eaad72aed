import * as Y from 'yjs';
import type { VersionSummary } from '../../shared/versions';
import { StableLabels } from '../../server/domain/labels/stableLabels';
import { findParagraph } from '../helpers/anchors';
import { demoDraftSuite } from '../helpers/demoDraftSuite';
import { waitForDoc, type YjsClient } from '../helpers/yjsClient';

describe('rounds: POST and GET /api/drafts/:id/rounds, and the stable labels counted from them', () => {
  const suite = demoDraftSuite();
  const api = <T>(username: string, path: string, json?: unknown) => suite.api<T>(username, json === undefined ? 'GET' : 'POST', path, json);
  const startRound = async (username: string, body: unknown) => {
    const { status, body: answer } = await api<{ version?: VersionSummary; error?: string }>(username, '/rounds', body);
    return { status, body: answer };
  };
  const connect = (username: string) => suite.yjs(username);
  /** A delegate's client inserts a preambular paragraph right after the one starting with `prefix`. */
  const insertAfter = (doc: Y.Doc, prefix: string, id: string, text: string) => {
    const anchor = findParagraph(doc, prefix);
    const preamble = anchor.parent as Y.XmlElement;
    const paragraph = new Y.XmlElement('preambular_paragraph');
    paragraph.setAttribute('id', id);
    paragraph.insert(0, [new Y.XmlText(text)]);
    preamble.insert(preamble.toArray().indexOf(anchor) + 1, [paragraph]);
  };
  const labelsSeenBy = async (client: YjsClient) => new StableLabels(suite.server.store.versions).labelsOf(suite.draftId, client.doc);
  const idOf = (doc: Y.Doc, prefix: string) => String(findParagraph(doc, prefix).getAttribute('id'));

  it('lets only the facilitator start a round, with a name, and hides the draft from outsiders', async () => {
    expect(await startRound('eu', { name: 'Rev.1' })).toEqual({ status: 403, body: { error: 'only the facilitator starts a round' } });
    expect((await startRound('chair', { name: '' })).status).toBe(400);
    expect((await startRound('chair', { name: 'x'.repeat(500) })).status).toBe(400);
    expect((await startRound('chair', {})).status).toBe(400);
    expect((await startRound('chair2', { name: 'Rev.1' })).status).toBe(404);
    expect((await api('brazil', '/rounds')).status).toBe(404);
    expect(await api('eu', '/rounds')).toMatchObject({ status: 200, body: { rounds: [] } });
  });

  it('labels inserts against the zero draft until a round starts, then relabels with clean numbers', async () => {
    const eu = await connect('eu');
    insertAfter(eu.doc, 'Reaffirming', 'p-eubis000001', 'Stressing the role of victims,');
    const reader = await connect('kazakhstan');
    await waitForDoc(reader.doc, (doc) => doc.getXmlFragment('prosemirror').toString().includes('Stressing the role'));
    const inZeroDraftRound = await labelsSeenBy(reader);
    expect(inZeroDraftRound.get('p-eubis000001')).toBe('PP2bis');
    expect(inZeroDraftRound.get(idOf(reader.doc, 'Deeply concerned'))).toBe('PP3');

    const started = await startRound('chair', { name: 'Rev.1' });
    expect(started).toMatchObject({ status: 201, body: { version: { kind: 'round', name: 'Rev.1', createdByName: expect.any(String) } } });
    const afterRound = await labelsSeenBy(reader);
    expect(afterRound.get('p-eubis000001')).toBe('PP3');
    expect(afterRound.get(idOf(reader.doc, 'Deeply concerned'))).toBe('PP4');

    const { body } = await api<{ rounds: VersionSummary[] }>('belarus', '/rounds');
    expect(body.rounds).toEqual([started.body.version]);
    const versions = await api<{ versions: VersionSummary[] }>('belarus', '/versions');
    expect(versions.body.versions.map((v) => v.kind)).toContain('round');
  });

  it('counts from the newest round', async () => {
    const second = await startRound('chair', { name: 'second reading' });
    expect(second.status).toBe(201);
    const { body } = await api<{ rounds: VersionSummary[] }>('eu', '/rounds');
    expect(body.rounds.map((r) => r.name)).toEqual(['second reading', 'Rev.1']);
  });
});
