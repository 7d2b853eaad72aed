/** @jest-environment jsdom */
import { draftsPage } from '../../../client/pages/draftsPage';
import type { ImportPreview } from '../../../shared/draftImport';
import type { NegotiationSummary } from '../../../shared/negotiations';
import { FakeServer, pageHarness, settle, user } from './fakeServer';

const negotiation = (id: string, me: NegotiationSummary['me']): NegotiationSummary => ({ id, name: `Negotiation ${id}`, body: '', startsOn: null, endsOn: null, me });

const PREVIEW: ImportPreview = {
  title: 'Countering trafficking',
  symbol: 'E/CN.15/2026/L.4',
  paragraphs: [
    { kind: 'symbol', label: 'Symbol', level: 0, text: 'E/CN.15/2026/L.4' },
    { kind: 'title', label: 'Title', level: 0, text: 'Countering trafficking' },
    { kind: 'formula', label: 'Formula', level: 0, text: 'The Commission on Crime Prevention and Criminal Justice,' },
    { kind: 'pp', label: 'PP1', level: 0, text: 'Recalling its resolutions,' },
    { kind: 'op', label: 'OP1', level: 0, text: 'Urges Member States:' },
    { kind: 'op', label: 'OP1(a)', level: 1, text: 'to cooperate;' },
  ],
  problems: [{ line: 2, text: '* Reissued for technical reasons', reason: 'not recognised as a heading line, the sponsors line or the title; left out' }],
};

const IMPORT = 'POST /api/negotiations/a/drafts/import';

async function openPage(server: FakeServer) {
  server.on('GET /api/drafts', { status: 200, body: { drafts: [] } });
  const harness = pageHarness(server, user('chair'));
  draftsPage(harness.app, harness.session)(harness.context);
  await settle();
  return harness;
}

/** Picks a file in the dialog's input, as the browser's file chooser does. */
async function choose(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await settle();
}

const dialog = () => document.querySelector<HTMLElement>('[role=dialog]');
const docx = () => new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'L.4.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });

describe('Import from Word on the drafts page', () => {
  beforeEach(() => document.body.replaceChildren());

  it('is offered to the facilitators of a negotiation only', async () => {
    const server = new FakeServer().on('GET /api/negotiations', {
      status: 200,
      body: { negotiations: [negotiation('a', { role: 'facilitator', delegation: 'Facilitator' }), negotiation('b', { role: 'delegate', delegation: 'Brazil' })] },
    });
    const { outlet } = await openPage(server);
    const buttons = [...outlet.querySelectorAll('section.negotiation')].map((section) => section.querySelector('button.import-open')?.textContent ?? null);
    expect(buttons).toEqual(['Import from Word', null]);
  });

  it('previews the file, lists the problems, creates the draft and opens it', async () => {
    const server = new FakeServer()
      .on('GET /api/negotiations', { status: 200, body: { negotiations: [negotiation('a', { role: 'facilitator', delegation: 'Facilitator' })] } })
      .on(`${IMPORT}?preview=1`, { status: 200, body: PREVIEW })
      .on(IMPORT, { status: 201, body: { draft: { id: 'd9' }, problems: PREVIEW.problems } });
    const { outlet, navigate } = await openPage(server);
    outlet.querySelector<HTMLButtonElement>('button.import-open')!.click();

    const input = dialog()!.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(document.activeElement).toBe(input);
    expect(input.closest('label')?.textContent).toBe('Word (.docx) or text (.txt) file');
    const create = [...dialog()!.querySelectorAll('button')].find((button) => button.textContent === 'Create draft')!;
    expect(create.disabled).toBe(true);

    const file = docx();
    await choose(input, file);
    expect(server.changes()).toHaveLength(1);
    expect((server.changes()[0].body as FormData).get('file')).toBeInstanceOf(File);
    const labels = [...dialog()!.querySelectorAll('.import-paragraph')].map((item) => item.textContent);
    expect(labels).toEqual(['SymbolE/CN.15/2026/L.4', 'TitleCountering trafficking', 'FormulaThe Commission on Crime Prevention and Criminal Justice,', 'PP1Recalling its resolutions,', 'OP1Urges Member States:', 'OP1(a)to cooperate;']);
    expect(dialog()!.querySelector('.import-problems')?.textContent).toContain('Line 2: not recognised as a heading line');
    expect(create.disabled).toBe(false);

    create.click();
    await settle();
    expect(server.changes().map((call) => call.path)).toEqual(['/api/negotiations/a/drafts/import?preview=1', '/api/negotiations/a/drafts/import']);
    expect(navigate).toHaveBeenCalledWith('/drafts/d9');
    expect(dialog()).toBeNull();
  });

  it('shows a refused file readably, creates nothing, and gives focus back when closed', async () => {
    const server = new FakeServer()
      .on('GET /api/negotiations', { status: 200, body: { negotiations: [negotiation('a', { role: 'facilitator', delegation: 'Facilitator' })] } })
      .on(`${IMPORT}?preview=1`, { status: 415, body: { error: 'the file is not a Word .docx document (it is not a zip archive)' } });
    const { outlet } = await openPage(server);
    const opener = outlet.querySelector<HTMLButtonElement>('button.import-open')!;
    opener.click();
    await choose(dialog()!.querySelector<HTMLInputElement>('input[type=file]')!, docx());

    expect(dialog()!.querySelector('[role=alert]')?.textContent).toBe('The file could not be read: The file is not a Word .docx document (it is not a zip archive).');
    expect([...dialog()!.querySelectorAll('button')].find((button) => button.textContent === 'Create draft')!.disabled).toBe(true);
    expect(server.changes().map((call) => call.path)).toEqual(['/api/negotiations/a/drafts/import?preview=1']);

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
