/** @jest-environment jsdom */
import type * as Y from 'yjs';
import { printPage } from '../../../client/pages/printPage';
import { cssString, pageMarginCss, showRunningHeader } from '../../../client/documents/runningHeader';
import { rangeAnchor } from '../../../shared/proposalAnchors';
import { idOf, liveDraft, ops, proposal, textOf } from '../proposals/proposalFixture';
import { FakeServer, pageHarness, settle, user, type Answer } from './fakeServer';

/** The Yjs side: the draft arrives from the server at once. */
let mockDoc: Y.Doc;
jest.mock('../../../client/collab/collabSession', () => ({
  yjsServerUrl: () => 'ws://host/yjs',
  CollabSession: class {
    readonly doc = mockDoc;
    readonly fragment = mockDoc.getXmlFragment('prosemirror');
    ready = () => Promise.resolve('server');
    destroy = () => undefined;
  },
}));

/** Opens the print view of a one-paragraph draft with a pending US deletion (or `failure` as the proposals' answer). */
async function print(view: string | null, failure: Answer | null = null) {
  mockDoc = liveDraft({ symbol: 'E/CN.15/2026/L.4', operative: ops('Urges all Member States to act;') });
  const op1 = idOf(mockDoc, 'Urges');
  const deletion = proposal({ kind: 'delete', paragraphId: op1, anchor: rangeAnchor(textOf(mockDoc, op1), 6, 9, op1), delegation: 'US' });
  const server = new FakeServer()
    .on('GET /api/drafts/d1/proposals?status=pending', failure ?? { status: 200, body: { proposals: [deletion] } })
    .on('GET /api/drafts/d1/paragraphs', { status: 200, body: { paragraphs: [{ id: op1, label: 'OP1' }] } });
  const harness = pageHarness(server, user('kz'));
  const query = new URLSearchParams(view ? { view } : {});
  printPage(harness.app, harness.session)({ ...harness.context, params: { id: 'd1' }, query });
  await settle();
  return harness;
}

describe('printPage', () => {
  beforeEach(() => document.body.replaceChildren());

  it('prints the current text by default, and offers the other views in its bar', async () => {
    const { outlet, navigate, leave } = await print(null);
    expect(outlet.querySelector('.print-paper .ProseMirror')?.textContent).toContain('Urges all Member States to act;');
    expect(outlet.querySelector('.compiled-draft')).toBeNull();
    const select = outlet.querySelector<HTMLSelectElement>('.print-bar select[name=view]')!;
    expect(select.value).toBe('');
    select.value = 'compilation';
    select.dispatchEvent(new Event('change'));
    expect(navigate).toHaveBeenCalledWith('/drafts/d1/print?view=compilation', { replace: true });
    leave();
  });

  it('prints ?view=compilation in the room notation with the labels of the round', async () => {
    const { outlet, leave } = await print('compilation');
    expect(outlet.querySelector('.print-paper .op[data-label="OP1"]')?.textContent).toBe('Urges [all – US delete] Member States to act;');
    expect(outlet.querySelector<HTMLButtonElement>('.print-bar .button-primary')!.disabled).toBe(false);
    expect(document.title).toContain('(Compilation text, print)');
    leave();
  });

  it('prints ?view=clean without the proposals and ?view=delegation:<name> with only theirs', async () => {
    const clean = await print('clean');
    expect(clean.outlet.querySelector('.print-paper .op')?.textContent).toBe('Urges all Member States to act;');
    clean.leave();
    const japan = await print('delegation:Japan');
    expect(japan.outlet.querySelector('.print-paper .op')?.textContent).toBe('Urges all Member States to act;');
    expect(japan.outlet.querySelector<HTMLSelectElement>('select[name=view]')!.value).toBe('delegation:Japan');
    japan.leave();
  });

  it('says so when the proposals cannot be loaded, instead of printing a compilation without them', async () => {
    const { outlet, leave } = await print('compilation', { status: 500, body: { error: 'the store is unavailable' } });
    expect(outlet.querySelector('.print-paper [role=alert]')?.textContent).toBe('The proposals could not be loaded: The store is unavailable.');
    expect(outlet.querySelector<HTMLButtonElement>('.print-bar .button-primary')!.disabled).toBe(true);
    leave();
  });

  it('sets the UN masthead above the text: symbol top right, distribution, date, language', async () => {
    const { outlet, leave } = await print(null);
    const masthead = outlet.querySelector('.print-paper > .un-masthead')!;
    expect(masthead.nextElementSibling?.classList.contains('resolution')).toBe(true);
    expect(masthead.querySelector('.un-masthead-row')?.textContent).toBe('United NationsE/CN.15/2026/L.4');
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect([...masthead.querySelectorAll('.un-masthead-distribution > div')].map((line) => line.textContent)).toEqual(['Distr.: Limited', today, 'Original: English']);
    expect(outlet.querySelector<HTMLButtonElement>('.print-bar .button-primary')?.textContent).toBe('Download PDF');
    leave();
  });

  it('numbers the lines of the sheet in any view once "Line numbers" is ticked', async () => {
    for (const view of [null, 'compilation']) {
      const { outlet, leave } = await print(view);
      const paper = outlet.querySelector('.print-paper')!;
      const box = outlet.querySelector<HTMLInputElement>('.print-bar input[name=line-numbers]')!;
      expect(paper.classList.contains('with-line-numbers')).toBe(false);
      box.checked = true;
      box.dispatchEvent(new Event('change'));
      expect(paper.classList.contains('with-line-numbers')).toBe(true);
      // One number per line: organ, session, agenda item, sponsors, title, formula, and the one OP (the symbol is in the masthead too).
      expect(paper.querySelectorAll('.line-number')).toHaveLength(paper.querySelectorAll('.heading > div, .sponsors, .title, .formula, .pp, .op').length);
      expect(paper.querySelector('.op .line-number')).not.toBeNull();
      // The numbers are drawn by CSS: the text itself is unchanged.
      expect(paper.querySelector('.op')?.textContent).toMatch(/^Urges/);
      box.checked = false;
      box.dispatchEvent(new Event('change'));
      expect(paper.classList.contains('with-line-numbers')).toBe(false);
      leave();
    }
  });
});

describe('the running header', () => {
  it('puts the symbol in the top-right page-margin box from page 2 and page numbers at the foot', () => {
    const css = pageMarginCss('A/C.3/79/L.12');
    expect(css).toContain('@top-right { content: "A/C.3/79/L.12"; }');
    expect(css).toContain('@bottom-center { content: counter(page) "/" counter(pages); }');
    expect(css).toContain('@page :first { @top-right { content: none; } }');
  });

  it('falls back to a header fixed on every printed page where the browser has no margin boxes (jsdom has none)', async () => {
    const page = document.createElement('div');
    expect(showRunningHeader(page, 'A/C.3/79/L.12', new AbortController().signal)).toBe('fixed');
    expect(page.querySelector('.print-running-header')?.textContent).toBe('A/C.3/79/L.12');
    const { outlet, leave } = await print(null);
    expect(outlet.querySelector('.print-page > .print-running-header')?.textContent).toBe('E/CN.15/2026/L.4');
    leave();
  });

  it('keeps a symbol with quotes or backslashes a CSS string', () => {
    expect(cssString('A/"x"\\y\n')).toBe('"A/\\"x\\"\\\\y "');
  });
});
