/** @jest-environment jsdom */
import { adminPage } from '../../../client/pages/adminPage';
import { appHeader } from '../../../client/pages/appHeader';
import { passwordPage } from '../../../client/pages/passwordPage';
import type { NegotiationSummary } from '../../../shared/negotiations';
import { FakeServer, pageHarness, settle, submit, user } from './fakeServer';

const CCPCJ: NegotiationSummary = { id: 'a', name: 'CCPCJ', body: 'CCPCJ 35th session', startsOn: null, endsOn: null, me: null };

beforeEach(() => document.body.replaceChildren());

describe('appHeader', () => {
  it('links administrators to the administration page and everyone to changing their password', () => {
    const { app, session } = pageHarness(new FakeServer(), user('admin', { admin: true }));
    const links = (header: HTMLElement) => [...header.querySelectorAll('nav[aria-label=Account] a')].map((a) => a.getAttribute('href'));
    expect(links(appHeader(app, session))).toEqual(['/admin', '/password']);
    expect(links(appHeader(app, { ...session, user: user('kz') }))).toEqual(['/password']);
  });
});

describe('passwordPage', () => {
  async function open(server: FakeServer) {
    const harness = pageHarness(server, user('kz'));
    passwordPage(harness.app, harness.session)(harness.context);
    const form = harness.outlet.querySelector<HTMLFormElement>('form')!;
    return { ...harness, form, alert: () => form.querySelector<HTMLElement>('[role=alert]')! };
  }

  it('changes the password with the old one, and says so', async () => {
    const server = new FakeServer().on('POST /api/me/password', { status: 204 });
    const { form } = await open(server);
    expect(document.activeElement?.getAttribute('name')).toBe('oldPassword');
    submit(form, { oldPassword: 'negotiate', newPassword: 'a longer secret', repeatPassword: 'a longer secret' });
    await settle();
    expect(server.changes()).toEqual([{ method: 'POST', path: '/api/me/password', body: { oldPassword: 'negotiate', newPassword: 'a longer secret' } }]);
    expect(form.querySelector<HTMLElement>('[role=status]')!.hidden).toBe(false);
    expect(form.querySelector<HTMLInputElement>('[name=newPassword]')!.value).toBe('');
  });

  it('refuses two different new passwords without asking the server, and shows a wrong old password', async () => {
    const server = new FakeServer().on('POST /api/me/password', { status: 400, body: { error: 'the old password is wrong' } });
    const { form, alert } = await open(server);
    submit(form, { oldPassword: 'x', newPassword: 'first secret', repeatPassword: 'other secret' });
    expect(alert().textContent).toBe('The two new passwords differ.');
    // About the repeated password, where the focus goes back.
    const repeated = form.querySelector<HTMLInputElement>('input[name=repeatPassword]')!;
    expect(repeated.getAttribute('aria-invalid')).toBe('true');
    expect(repeated.getAttribute('aria-describedby')).toBe(alert().id);
    expect(document.activeElement).toBe(repeated);
    expect(server.calls).toEqual([]);
    submit(form, { repeatPassword: 'first secret' });
    await settle();
    expect(alert().textContent).toBe('The old password is wrong.');
    expect(alert().hidden).toBe(false);
  });
});

describe('adminPage', () => {
  const server = () =>
    new FakeServer()
      .on('GET /api/users', { status: 200, body: { users: [user('admin', { admin: true }), user('chair2', { displayName: 'Chair Two' })] } })
      .on('GET /api/negotiations', { status: 200, body: { negotiations: [CCPCJ] } });

  async function open(fake: FakeServer, who = user('admin', { admin: true })) {
    const harness = pageHarness(fake, who);
    adminPage(harness.app, harness.session)(harness.context);
    await settle();
    const form = (label: string) => harness.outlet.querySelector<HTMLFormElement>(`form[aria-label="${label}"]`)!;
    return { ...harness, form };
  }

  it('is for administrators only', async () => {
    const fake = server();
    const { outlet } = await open(fake, user('kz'));
    expect(outlet.querySelector('.message-panel h2')?.textContent).toBe('Administrators only');
    expect(fake.calls).toEqual([]);
  });

  it('lists accounts and negotiations and creates both', async () => {
    const fake = server()
      .on('POST /api/users', { status: 201, body: { user: user('brazil') } })
      .on('POST /api/negotiations', { status: 201, body: { negotiation: CCPCJ } });
    const { outlet, form } = await open(fake);
    expect([...outlet.querySelectorAll('.admin-accounts li')].map((li) => li.textContent)).toEqual(['Account admin (admin) · administrator', 'Chair Two (chair2)']);
    expect(outlet.querySelector('.admin-negotiation strong')?.textContent).toBe('CCPCJ');
    submit(form('New account'), { username: 'brazil', displayName: 'Delegate of Brazil', password: 'negotiate' });
    await settle();
    submit(form('New negotiation'), { name: 'Cybercrime', body: 'Ad Hoc Committee, 2nd session', startsOn: '2026-06-01', endsOn: '' });
    await settle();
    expect(fake.changes()).toEqual([
      { method: 'POST', path: '/api/users', body: { username: 'brazil', displayName: 'Delegate of Brazil', password: 'negotiate' } },
      { method: 'POST', path: '/api/negotiations', body: { name: 'Cybercrime', body: 'Ad Hoc Committee, 2nd session', startsOn: '2026-06-01' } },
    ]);
    // Both lists are reloaded after each creation.
    expect(fake.calls.filter((c) => c.method === 'GET' && c.path === '/api/users')).toHaveLength(3);
  });

  it('appoints a facilitator of a negotiation, and shows a refused creation', async () => {
    const fake = server()
      .on('PUT /api/negotiations/a/members/chair2', { status: 201, body: { member: { userId: 'chair2', displayName: 'Chair Two', role: 'facilitator' } } })
      .on('POST /api/users', { status: 409, body: { error: 'username taken' } });
    const { outlet, form } = await open(fake);
    const appoint = outlet.querySelector<HTMLFormElement>('.appoint-form')!;
    const account = appoint.querySelector('select')!;
    expect(account.getAttribute('aria-label')).toBe('Facilitator to appoint for CCPCJ');
    // No account chosen: nothing is sent, and the refusal is about the choice.
    submit(appoint, {});
    expect(appoint.querySelector('[role=alert]')?.textContent).toBe('Choose the account to appoint first.');
    expect(account.getAttribute('aria-describedby')).toBe(appoint.querySelector('[role=alert]')!.id);
    expect(document.activeElement).toBe(account);
    expect(fake.changes()).toEqual([]);
    submit(appoint, { account: 'chair2' });
    await settle();
    expect(fake.changes()).toEqual([{ method: 'PUT', path: '/api/negotiations/a/members/chair2', body: { role: 'facilitator', delegation: 'Facilitator' } }]);
    expect(appoint.querySelector('[role=status]')?.textContent).toBe('Chair Two is now a facilitator.');
    submit(form('New account'), { username: 'chair2', displayName: 'x', password: 'negotiate' });
    await settle();
    expect(form('New account').querySelector('[role=alert]')?.textContent).toBe('Username taken.');
  });
});
