import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import * as Y from 'yjs';
import type { VersionSummary } from '../../shared/versions';
import { rangeAnchor } from '../../shared/proposalAnchors';
import { findParagraph } from '../helpers/anchors';
import { makeProposal } from '../helpers/proposalRecords';
import { demoDraftSuite } from '../helpers/demoDraftSuite';
import { waitForDoc } from '../helpers/yjsClient';

/** A GET of an export as `username`: status, headers and body bytes. */
async function download(suite: ReturnType<typeof demoDraftSuite>, username: string, path: string) {
  const response = await fetch(`${suite.server.url}/api/drafts/${suite.draftId}${path}`, { headers: { authorization: `Bearer ${await suite.tokenOf(username)}` } });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

const json = (body: Buffer) => JSON.parse(body.toString('utf8')) as { error: string };
const textOf = (doc: Y.Doc, prefix: string) => findParagraph(doc, prefix).get(0) as Y.XmlText;

describe('exports through the HTTP routes', () => {
  const suite = demoDraftSuite();
  let base: VersionSummary;

  beforeAll(async () => {
    const named = await suite.api<{ version: VersionSummary }>('chair', 'POST', '/versions', { name: 'Rev.1' });
    base = named.body.version;
    // Two delegations edit through stock y-websocket clients after Rev.1.
    const kazakhstan = await suite.yjs('kazakhstan');
    const belarus = await suite.yjs('belarus');
    textOf(kazakhstan.doc, 'Recalling').insert('Recalling '.length, 'further ');
    await waitForDoc(belarus.doc, (doc) => textOf(doc, 'Recalling').toString().startsWith('Recalling further'));
    textOf(belarus.doc, 'Deeply concerned').delete(0, 'Deeply '.length);
    await waitForDoc(kazakhstan.doc, (doc) => {
      try {
        return textOf(doc, 'concerned that').length > 0;
      } catch {
        return false;
      }
    });
  });

  it('hands an observer the tracked .docx with each change under the delegation that made it', async () => {
    const { status, headers, body } = await download(suite, 'secretariat', `/export.docx?view=tracked&base=${base.id}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(headers.get('content-disposition')).toBe('attachment; filename=E_CN.15_2026_L.4.docx');
    const document = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
    expect(document).toMatch(/<w:ins w:id="\d+" w:author="Kazakhstan" w:date="[^"]+"><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">further<\/w:t>/);
    expect(document).toMatch(/<w:del w:id="\d+" w:author="Belarus" w:date="[^"]+"><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText xml:space="preserve">Deeply <\/w:delText>/);
    expect(document).not.toMatch(/w:author="(?!Kazakhstan|Belarus)/);
  });

  it('exports the clean current text and any version', async () => {
    const current = await download(suite, 'eu', '/export.docx');
    expect(current.status).toBe(200);
    const now = await (await JSZip.loadAsync(current.body)).file('word/document.xml')!.async('string');
    expect(now).toContain('further');
    expect(now).not.toMatch(/<w:(ins|del) /);
    const old = await download(suite, 'eu', `/export.docx?version=${base.id}&view=clean`);
    const then = await (await JSZip.loadAsync(old.body)).file('word/document.xml')!.async('string');
    expect(then).not.toContain('further');
    expect(then).toContain('Deeply concerned');
  });

  it('exports Akoma Ntoso to an observer, named after the symbol', async () => {
    const { status, headers, body } = await download(suite, 'secretariat', '/export.akn.xml');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/akn+xml; charset=utf-8');
    expect(headers.get('content-disposition')).toBe('attachment; filename=E_CN.15_2026_L.4.akn.xml');
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(body.toString('utf8'));
    expect(parsed.akomaNtoso['@_xmlns']).toBe('http://docs.oasis-open.org/legaldocml/ns/akn/3.0');
    expect(parsed.akomaNtoso.statement.preface.p[0].docNumber).toBe('E/CN.15/2026/L.4');
  });

  it('answers a non-member 404 as for any draft route', async () => {
    for (const path of ['/export.docx', '/export.akn.xml', `/export.docx?view=tracked&base=${base.id}`]) {
      const { status, body } = await download(suite, 'brazil', path);
      expect(status).toBe(404);
      expect(json(body)).toEqual({ error: 'no such draft' });
    }
  });

  it('refuses bad requests with a clear JSON error', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['/export.docx?view=tracked', 400, /tracked export needs base/],
      ['/export.docx?version=no-such-version', 404, /no such version/],
      [`/export.docx?view=tracked&base=no-such-version`, 404, /no such version/],
      ['/export.akn.xml?version=no-such-version', 404, /no such version/],
      ['/export.docx?view=sideways', 400, /view/],
      [`/export.docx?view=compilation&version=${base.id}`, 400, /compilation shows the pending proposals on the current text/],
    ];
    for (const [path, status, error] of cases) {
      const answer = await download(suite, 'eu', path);
      expect([path, answer.status]).toEqual([path, status]);
      expect(json(answer.body).error).toMatch(error);
    }
  });

  it('exports the compilation: pending proposals bracketed with their delegations', async () => {
    const reader = await suite.yjs('usa');
    const paragraph = findParagraph(reader.doc, 'Recognizing');
    const paragraphId = String(paragraph.getAttribute('id'));
    const anchor = rangeAnchor(paragraph.get(0) as Y.XmlText, 'Recognizing that the '.length, 'Recognizing that the private sector'.length, paragraphId);
    const draft = (await suite.server.store.drafts.get(suite.draftId))!;
    await suite.server.store.proposals.create(makeProposal(suite.draftId, { negotiationId: draft.negotiationId, kind: 'delete', delegation: 'United States', paragraphId, anchor, text: null }));
    const { status, body } = await download(suite, 'secretariat', '/export.docx?view=compilation');
    expect(status).toBe(200);
    const document = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
    const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('Recognizing that the [private sector – United States delete], in particular');
  });

  it('refuses a tracked export whose base is newer than the text exported', async () => {
    const { status, body } = await download(suite, 'eu', `/export.docx?view=tracked&version=${base.id}&base=${(await laterVersion()).id}`);
    expect(status).toBe(400);
    expect(json(body).error).toMatch(/base version is newer/);
  });

  async function laterVersion(): Promise<VersionSummary> {
    return (await suite.api<{ version: VersionSummary }>('chair', 'POST', '/versions', { name: 'Rev.2' })).body.version;
  }
});
