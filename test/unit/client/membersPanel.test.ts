/** @jest-environment jsdom */
import { NegotiationsApi } from '../../../client/api/negotiationsApi';
import { MembersPanel } from '../../../client/panels/membersPanel';
import type { Member, NegotiationDetail } from '../../../shared/negotiations';
import { FakeServer, settle, submit, user } from './fakeServer';

const member = (userId: string, role: Member['role'], delegation: string): Member => ({
  userId,
  username: userId,
  displayName: `Account ${userId}`,
  role,
  delegation,
  addedAt: '2026-05-20T10:00:00Z',
  addedBy: 'admin',
});

const detail = (members: Member[]): NegotiationDetail => ({
  negotiation: { id: 'n1', name: 'CCPCJ', body: 'CCPCJ 35th session', startsOn: null, endsOn: null, me: { role: 'facilitator', delegation: 'Facilitator' } },
  members,
  drafts: [],
});

const MEMBERS = [member('kz', 'delegate', 'Kazakhstan'), member('chair', 'facilitator', 'Facilitator'), member('eu', 'delegate', 'European Union')];

async function setup(options: { manage: boolean; chooseFromAccounts?: boolean }, server = new FakeServer()) {
  server.on('GET /api/negotiations/n1', { status: 200, body: detail(MEMBERS) });
  const panel = new MembersPanel({
    api: new NegotiationsApi(server.api),
    negotiationId: 'n1',
    manage: options.manage,
    chooseFromAccounts: options.chooseFromAccounts ?? false,
    selfId: 'chair',
  });
  document.body.replaceChildren(panel.element);
  await panel.refresh();
  const rows = () => [...panel.element.querySelectorAll<HTMLElement>('.member')];
  const row = (userId: string) => panel.element.querySelector<HTMLElement>(`.member[data-user-id="${userId}"]`)!;
  const alert = () => panel.element.querySelector<HTMLElement>('[role=alert]')!;
  return { server, panel, rows, row, alert };
}

describe('MembersPanel', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lists the members with role and delegation, facilitators first, read-only for a delegate', async () => {
    const { panel, rows } = await setup({ manage: false });
    expect(rows().map((r) => r.querySelector('.member-role')?.textContent)).toEqual(['Facilitator · Facilitator', 'European Union · Delegate', 'Kazakhstan · Delegate']);
    expect(rows()[0].querySelector('.member-name')?.textContent).toBe('Account chair (you)');
    expect(panel.element.textContent).toContain('3 members in this negotiation.');
    expect(panel.element.querySelector('form, button')).toBeNull();
  });

  it('lets a facilitator add an account by username, as a delegate of a delegation', async () => {
    const { server, panel, alert } = await setup({ manage: true });
    server.on('PUT /api/negotiations/n1/members/brazil', { status: 201, body: { member: member('br', 'delegate', 'Brazil') } });
    const form = panel.element.querySelector<HTMLFormElement>('.member-add-form')!;
    expect(form.querySelector('label')?.textContent).toBe('Username');
    expect(form.querySelector<HTMLInputElement>('[name=delegation]')!.required).toBe(true);
    submit(form, { username: ' brazil ', role: 'delegate', delegation: 'Brazil' });
    await settle();
    expect(server.changes()).toEqual([{ method: 'PUT', path: '/api/negotiations/n1/members/brazil', body: { role: 'delegate', delegation: 'Brazil' } }]);
    expect(alert().hidden).toBe(true);
    // Ready for the next account.
    expect(document.activeElement).toBe(form.querySelector('[name=username]'));
    expect(form.querySelector<HTMLInputElement>('[name=username]')!.value).toBe('');
    // The list is reloaded after the change.
    expect(server.calls.filter((c) => c.path === '/api/negotiations/n1')).toHaveLength(2);
  });

  it('lets the administrator choose among the accounts that are not members yet', async () => {
    const accounts = new FakeServer()
      .on('GET /api/users', { status: 200, body: { users: [user('kz'), user('br', { displayName: 'Delegate of Brazil', username: 'brazil' })] } })
      .on('PUT /api/negotiations/n1/members/br', { status: 201, body: { member: member('br', 'observer', 'Observer') } });
    const { server, panel } = await setup({ manage: true, chooseFromAccounts: true }, accounts);
    const account = panel.element.querySelector<HTMLSelectElement>('.member-add-form select[name=account]')!;
    expect([...account.options].map((o) => o.textContent)).toEqual(['Choose an account…', 'Delegate of Brazil (brazil)']);
    submit(panel.element.querySelector<HTMLFormElement>('.member-add-form')!, { account: 'br', role: 'observer', delegation: '' });
    await settle();
    expect(server.changes()).toEqual([{ method: 'PUT', path: '/api/negotiations/n1/members/br', body: { role: 'observer', delegation: 'Observer' } }]);
  });

  it("changes a member's role and delegation", async () => {
    const { server, row } = await setup({ manage: true });
    server.on('PUT /api/negotiations/n1/members/kz', { status: 200, body: { member: member('kz', 'observer', 'Kazakhstan') } });
    const form = row('kz').querySelector<HTMLFormElement>('form.member-edit')!;
    expect(form.querySelector('select')?.getAttribute('aria-label')).toBe('Role for Account kz');
    submit(form, { role: 'observer' });
    await settle();
    expect(server.changes()).toEqual([{ method: 'PUT', path: '/api/negotiations/n1/members/kz', body: { role: 'observer', delegation: 'Kazakhstan' } }]);
  });

  it('removes a member only after confirmation', async () => {
    const { server, row } = await setup({ manage: true });
    server.on('DELETE /api/negotiations/n1/members/eu', { status: 204 });
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const remove = row('eu').querySelector<HTMLButtonElement>('.member-remove')!;
    expect(remove.getAttribute('aria-label')).toBe('Remove Account eu');
    remove.click();
    await settle();
    expect(server.changes()).toEqual([]);
    remove.click();
    await settle();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(server.changes()).toEqual([{ method: 'DELETE', path: '/api/negotiations/n1/members/eu', body: undefined }]);
  });

  it("shows the server's refusal to remove the last facilitator", async () => {
    const { server, row, alert } = await setup({ manage: true });
    server.on('DELETE /api/negotiations/n1/members/chair', { status: 409, body: { error: 'a negotiation needs at least one facilitator' } });
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    row('chair').querySelector<HTMLButtonElement>('.member-remove')!.click();
    await settle();
    expect(alert().hidden).toBe(false);
    expect(alert().textContent).toBe('Account chair was not removed: A negotiation needs at least one facilitator.');
    expect(row('chair')).not.toBeNull();
  });
});
