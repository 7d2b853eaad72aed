/** @jest-environment jsdom */
import { draftsPage } from '../../../client/pages/draftsPage';
import type { DraftSummary } from '../../../shared/drafts';
import type { NegotiationSummary } from '../../../shared/negotiations';
import { FakeServer, pageHarness, settle, submit, user } from './fakeServer';

const negotiation = (id: string, name: string, me: NegotiationSummary['me']): NegotiationSummary => ({
  id,
  name,
  body: `${name}, Committee of the Whole`,
  startsOn: '2026-05-18',
  endsOn: '2026-05-22',
  me,
});

const draft = (id: string, negotiationId: string, title: string): DraftSummary => ({
  id,
  negotiationId,
  title,
  symbol: '',
  createdBy: 'chair',
  createdAt: '2026-05-20T10:00:00Z',
  updatedAt: '2026-05-20T10:00:00Z',
  editing: 'direct',
});

async function open(server: FakeServer) {
  const harness = pageHarness(server, user('chair'));
  draftsPage(harness.app, harness.session)(harness.context);
  await settle();
  const section = (name: string) => [...harness.outlet.querySelectorAll<HTMLElement>('section.negotiation')].find((s) => s.querySelector('h2')?.textContent === name)!;
  return { ...harness, section };
}

describe('draftsPage', () => {
  beforeEach(() => document.body.replaceChildren());

  it('groups the drafts by negotiation with its body, dates and the caller’s part in it', async () => {
    const server = new FakeServer()
      .on('GET /api/negotiations', {
        status: 200,
        body: { negotiations: [negotiation('a', 'CCPCJ', { role: 'facilitator', delegation: 'Facilitator' }), negotiation('b', 'Cybercrime', { role: 'delegate', delegation: 'Brazil' })] },
      })
      .on('GET /api/drafts', { status: 200, body: { drafts: [draft('d1', 'a', 'Trafficking'), draft('d2', 'b', 'Cooperation'), draft('d3', 'a', 'Firearms')] } });
    const { section } = await open(server);
    const titles = (name: string) => [...section(name).querySelectorAll('.draft-title')].map((cell) => cell.textContent);
    expect(titles('CCPCJ')).toEqual(['Trafficking', 'Firearms']);
    expect(titles('Cybercrime')).toEqual(['Cooperation']);
    expect(section('CCPCJ').getAttribute('aria-labelledby')).toBe('negotiation-a');
    expect(section('CCPCJ').querySelector('.negotiation-body')?.textContent).toBe('CCPCJ, Committee of the Whole · 18 May 2026 – 22 May 2026');
    expect(section('Cybercrime').querySelector('.negotiation-me')?.textContent).toBe('You take part as Delegate for Brazil.');
    // Only a facilitator of a negotiation may start a draft in it.
    expect(section('CCPCJ').querySelector('form.new-draft-form')).not.toBeNull();
    expect(section('Cybercrime').querySelector('form')).toBeNull();
  });

  it('shows an administrator who is not a member the negotiation but not its drafts', async () => {
    const server = new FakeServer()
      .on('GET /api/negotiations', { status: 200, body: { negotiations: [negotiation('a', 'CCPCJ', null)] } })
      .on('GET /api/drafts', { status: 200, body: { drafts: [] } });
    const { section } = await open(server);
    expect(section('CCPCJ').querySelector('.negotiation-me')?.textContent).toBe('You administer this server but are not a member of this negotiation.');
    expect(section('CCPCJ').querySelector('table, form')).toBeNull();
    expect(section('CCPCJ').textContent).toContain('Its drafts are open to its members only.');
  });

  it('creates a draft in the negotiation whose form was used, then opens it', async () => {
    const server = new FakeServer()
      .on('GET /api/negotiations', { status: 200, body: { negotiations: [negotiation('a', 'CCPCJ', { role: 'facilitator', delegation: 'Facilitator' })] } })
      .on('GET /api/drafts', { status: 200, body: { drafts: [] } })
      .on('POST /api/negotiations/a/drafts', { status: 201, body: { draft: draft('d9', 'a', 'New text') } });
    const { section, navigate } = await open(server);
    expect(section('CCPCJ').textContent).toContain('No drafts yet.');
    submit(section('CCPCJ').querySelector<HTMLFormElement>('form')!, { title: ' New text ', symbol: '' });
    await settle();
    expect(server.changes()).toEqual([{ method: 'POST', path: '/api/negotiations/a/drafts', body: { title: 'New text', organ: 'ccpcj' } }]);
    expect(navigate).toHaveBeenCalledWith('/drafts/d9');
  });

  it('asks for the organ of a new draft, following the symbol typed until one is picked', async () => {
    const server = new FakeServer()
      .on('GET /api/negotiations', { status: 200, body: { negotiations: [negotiation('a', 'CCPCJ', { role: 'facilitator', delegation: 'Facilitator' })] } })
      .on('GET /api/drafts', { status: 200, body: { drafts: [] } })
      .on('POST /api/negotiations/a/drafts', { status: 201, body: { draft: draft('d9', 'a', 'Rights of the child') } });
    const { section } = await open(server);
    const form = section('CCPCJ').querySelector<HTMLFormElement>('form')!;
    const symbol = form.querySelector<HTMLInputElement>('[name="symbol"]')!;
    const organ = form.querySelector<HTMLSelectElement>('[name="organ"]')!;
    symbol.value = 'A/C.3/81/L.5';
    symbol.dispatchEvent(new Event('input'));
    expect(organ.value).toBe('ga-third');
    organ.value = 'ga';
    organ.dispatchEvent(new Event('change'));
    symbol.value = 'E/CN.15/2026/L.5';
    symbol.dispatchEvent(new Event('input'));
    submit(form, { title: 'Rights of the child' });
    await settle();
    expect(server.changes()[0].body).toEqual({ title: 'Rights of the child', symbol: 'E/CN.15/2026/L.5', organ: 'ga' });
  });

  it('says so when the person is in no negotiation, and shows a failure with a way to try again', async () => {
    const server = new FakeServer().on('GET /api/negotiations', { status: 200, body: { negotiations: [] } }).on('GET /api/drafts', { status: 503, body: { error: 'store unavailable' } });
    const { outlet } = await open(server);
    expect(outlet.querySelector('[role=alert]')?.textContent).toBe('Store unavailable.');
    server.on('GET /api/drafts', { status: 200, body: { drafts: [] } });
    outlet.querySelector<HTMLButtonElement>('.negotiations button')!.click();
    await settle();
    expect(outlet.querySelector('.negotiations')?.textContent).toMatch(/not a member of any negotiation/);
  });
});
