/** @jest-environment jsdom */
import { ProposalActions } from '../../../client/proposals/proposalActions';
import { ProposalStore } from '../../../client/proposals/proposalStore';
import { ProposalsPanel } from '../../../client/proposals/proposalsPanel';
import type { Role } from '../../../shared/roles';
import type { ProposalView } from '../../../shared/proposals';
import { answeringSocket, proposal } from './proposalFixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** What the server answers: each action changes the proposal as the contract says, or is refused with `refusal`. */
function serverAnswer(store: ProposalStore, refusal: string | null) {
  return (event: string, payload: { proposalId?: string; reason?: string }) => {
    if (refusal) return { ok: false as const, error: refusal };
    const known = store.get(payload.proposalId!)!;
    const later = { ...known, updatedAt: '2026-11-29T14:00:00Z' };
    const decided = { userId: 'u-chair', name: 'Ms Chair', delegation: 'Secretariat', at: '2026-11-29T14:00:00Z' };
    const changed: Record<string, ProposalView> = {
      'proposal:support': { ...later, supporters: [...known.supporters, 'Norway'], objectors: known.objectors.filter((d) => d !== 'Norway') },
      'proposal:object': { ...later, objectors: [...known.objectors, 'Norway'], supporters: known.supporters.filter((d) => d !== 'Norway') },
      'proposal:abstain': { ...later, supporters: known.supporters.filter((d) => d !== 'Norway'), objectors: known.objectors.filter((d) => d !== 'Norway') },
      'proposal:withdraw': { ...later, status: 'withdrawn', decidedBy: { ...decided, name: 'Delegate of the EU', delegation: 'European Union' } },
      'proposal:accept': { ...later, status: 'accepted', decidedBy: decided },
      'proposal:reject': {
        ...later,
        status: 'rejected',
        decidedBy: decided,
        events: [{ action: 'rejected', delegation: 'Secretariat', userId: 'u-chair', name: 'Ms Chair', at: decided.at, note: payload.reason ?? null }],
      },
    };
    return { ok: true as const, proposal: changed[event] };
  };
}

function setup(viewer: { delegation: string; role: Role }, options: { refusal?: string; showInText?: (p: ProposalView) => boolean } = {}) {
  const store = new ProposalStore();
  const { socket, emitted } = answeringSocket((event, payload) => serverAnswer(store, options.refusal ?? null)(event, payload));
  const showInText = jest.fn(options.showInText ?? (() => true));
  const panel = new ProposalsPanel({
    store,
    actions: new ProposalActions(socket, 'd1'),
    viewer,
    labels: () => new Map([['op3', 'OP3'], ['pp2', 'PP2bis']]),
    showInText,
  });
  document.body.replaceChildren(panel.element);
  store.replaceAll([
    proposal('p1'),
    proposal('p2', { delegation: 'Japan', authorName: 'Delegate of Japan', supporters: [], objectors: [], paragraphId: 'pp2', createdAt: '2026-11-29T13:10:00Z' }),
    proposal('p3', { status: 'accepted', delegation: 'Norway', supporters: ['Japan'], createdAt: '2026-11-29T12:00:00Z', decidedBy: { userId: 'u-chair', name: 'Ms Chair', delegation: 'Secretariat', at: '2026-11-29T13:00:00Z' } }),
  ]);
  const card = (id: string) => panel.element.querySelector<HTMLElement>(`[data-proposal-id="${id}"]`);
  const buttons = (id: string) => [...card(id)!.querySelectorAll<HTMLButtonElement>('.proposal-actions button')].map((b) => b.textContent);
  const press = (id: string, label: string) => [...card(id)!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label)!.click();
  const shownIds = () => [...panel.element.querySelectorAll<HTMLElement>('.proposal-card')].map((el) => el.dataset.proposalId);
  return { store, panel, emitted, card, buttons, press, shownIds, showInText };
}

describe('ProposalsPanel', () => {
  it('shows each pending proposal as a card: what, where, who, when with the time zone, round, justification, positions', () => {
    const { card, shownIds, panel } = setup({ delegation: 'Norway', role: 'delegate' });
    expect(shownIds()).toEqual(['p1', 'p2']);
    expect(panel.element.querySelector('.panel-summary')?.textContent).toBe('2 pending proposals.');
    const p1 = card('p1')!;
    expect(p1.querySelector('.proposal-label')?.textContent).toBe('OP3');
    expect(p1.querySelector('.proposal-summary')?.textContent).toContain('encourages');
    expect(p1.querySelector('.proposal-meta')?.textContent).toMatch(/^European Union · Delegate of the EU · 29 Nov 2026, \d\d:05 \S+ · Round Rev\.1$/);
    expect(p1.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-29T13:05:00Z');
    expect(p1.querySelector('.proposal-justification')?.textContent).toBe('Justification: Softer wording');
    expect(p1.querySelector('.proposal-supporters')?.textContent).toBe('Japan');
    expect(p1.querySelector('.proposal-objectors')?.textContent).toBe('Group of 77');
    expect(p1.querySelector('.proposal-status')?.textContent).toBe('Pending');
    expect(card('p2')!.querySelector('.proposal-label')?.textContent).toBe('PP2bis');
    // Every card is named by its heading, for screen readers.
    expect(document.getElementById(p1.getAttribute('aria-labelledby')!)?.textContent).toContain('OP3');
  });

  it('gives the facilitator Accept and Reject; accepting goes to the server and the card follows its answer', async () => {
    const { buttons, press, emitted, store, shownIds } = setup({ delegation: 'Secretariat', role: 'facilitator' });
    expect(buttons('p1')).toEqual(['Show in text', 'Accept', 'Reject']);
    press('p1', 'Accept');
    await settle();
    expect(emitted).toEqual([['proposal:accept', { proposalId: 'p1', seen: 0 }]]);
    expect(store.get('p1')?.status).toBe('accepted');
    expect(shownIds()).toEqual(['p2']);
  });

  it('accepts the revision the card shows: an edit heard since is redrawn and its revision sent', async () => {
    const { press, emitted, store } = setup({ delegation: 'Secretariat', role: 'facilitator' });
    const edited = { action: 'edited' as const, delegation: 'European Union', userId: 'u-eu', name: 'Delegate of the EU', at: '2026-11-29T13:30:00Z', note: null };
    store.upsert({ ...store.get('p1')!, text: 'invites', events: [edited, edited] });
    press('p1', 'Accept');
    await settle();
    expect(emitted).toEqual([['proposal:accept', { proposalId: 'p1', seen: 2 }]]);
  });

  it("shows the server's refusal of a proposal edited after the facilitator saw it in its card", async () => {
    const { press, card, store } = setup({ delegation: 'Secretariat', role: 'facilitator' }, { refusal: 'the proposal was edited after you saw it; review it again' });
    press('p1', 'Accept');
    await settle();
    const alert = card('p1')!.querySelector<HTMLElement>('[role=alert]')!;
    expect([alert.hidden, alert.textContent]).toEqual([false, 'The proposal was edited after you saw it; review it again.']);
    expect(store.get('p1')?.status).toBe('pending');
  });

  it('lets the facilitator reject with a reason, or without one', async () => {
    const { press, emitted, card, panel } = setup({ delegation: 'Secretariat', role: 'facilitator' });
    press('p1', 'Reject');
    const form = card('p1')!.querySelector<HTMLFormElement>('.proposal-reject-form')!;
    expect(form.querySelector('label')?.textContent).toContain('Reason for rejecting (optional)');
    expect(document.activeElement).toBe(form.querySelector('textarea'));
    form.querySelector('textarea')!.value = '  Not agreed in informals ';
    form.dispatchEvent(new Event('submit'));
    press('p2', 'Reject');
    card('p2')!.querySelector<HTMLFormElement>('.proposal-reject-form')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(emitted).toEqual([
      ['proposal:reject', { proposalId: 'p1', reason: 'Not agreed in informals' }],
      ['proposal:reject', { proposalId: 'p2', reason: undefined }],
    ]);
    panel.element.querySelector<HTMLSelectElement>('.proposal-status-filter')!.value = 'rejected';
    panel.element.querySelector<HTMLSelectElement>('.proposal-status-filter')!.dispatchEvent(new Event('change'));
    expect(card('p1')!.querySelector('.proposal-decision')?.textContent).toMatch(/^Rejected by Ms Chair \(Secretariat\), .+\. Reason: Not agreed in informals$/);
  });

  it('says a decision by a facilitator named after their delegation once, and nobody "yet" supporting a decided proposal', () => {
    const { store, card, panel } = setup({ delegation: 'Japan', role: 'delegate' });
    const chair = { userId: 'u-chair', name: 'Facilitator', delegation: 'Facilitator', at: '2026-11-29T13:30:00Z' };
    store.upsert({ ...store.get('p1')!, status: 'accepted', supporters: [], decidedBy: chair, updatedAt: '2026-11-29T14:00:00Z' });
    panel.element.querySelector<HTMLSelectElement>('.proposal-status-filter')!.value = 'accepted';
    panel.element.querySelector<HTMLSelectElement>('.proposal-status-filter')!.dispatchEvent(new Event('change'));
    expect(card('p1')!.querySelector('.proposal-decision')?.textContent).toMatch(/^Accepted by Facilitator, \d/);
    expect(card('p1')!.querySelector('.proposal-supporters')?.textContent).toBe('no delegation');
    expect(card('p3')!.querySelector('.proposal-decision')?.textContent).toMatch(/^Accepted by Ms Chair \(Secretariat\), /);
  });

  it('gives delegates of other delegations Support, Object and Abstain, showing where their delegation stands', async () => {
    const { buttons, press, emitted, card } = setup({ delegation: 'Norway', role: 'delegate' });
    expect(buttons('p1')).toEqual(['Show in text', 'Support', 'Object']);
    expect(card('p1')!.querySelector('.proposal-position')?.textContent).toBe('Your delegation has taken no position.');
    press('p1', 'Support');
    await settle();
    expect(card('p1')!.querySelector('.proposal-position')?.textContent).toBe('Your delegation supports this proposal.');
    expect(buttons('p1')).toEqual(['Show in text', 'Support', 'Object', 'Abstain']);
    const support = card('p1')!.querySelector<HTMLButtonElement>('[aria-pressed]')!;
    expect([support.textContent, support.getAttribute('aria-pressed')]).toEqual(['Support', 'true']);
    press('p1', 'Object');
    await settle();
    expect(card('p1')!.querySelector('.proposal-position')?.textContent).toBe('Your delegation objects to this proposal.');
    press('p1', 'Abstain');
    await settle();
    press('p1', 'Support');
    await settle();
    // Pressing the position held takes it back.
    press('p1', 'Support');
    await settle();
    expect(emitted.map(([event]) => event)).toEqual(['proposal:support', 'proposal:object', 'proposal:abstain', 'proposal:support', 'proposal:abstain']);
  });

  it('lets the proposing delegation withdraw, and takes no position on its own proposal', async () => {
    const { buttons, press, emitted, card } = setup({ delegation: 'European Union', role: 'delegate' });
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    expect(buttons('p1')).toEqual(['Show in text', 'Withdraw']);
    expect(card('p1')!.querySelector('.proposal-position')?.textContent).toBe('Your delegation made this proposal.');
    expect(buttons('p2')).toEqual(['Show in text', 'Support', 'Object']);
    press('p1', 'Withdraw');
    await settle();
    expect(emitted).toEqual([['proposal:withdraw', { proposalId: 'p1' }]]);
  });

  it('offers observers nothing but reading and finding the words', () => {
    const { buttons, card } = setup({ delegation: 'UNODC', role: 'observer' });
    expect(buttons('p1')).toEqual(['Show in text']);
    expect(card('p1')!.querySelector('.proposal-position')).toBeNull();
  });

  it("shows the server's refusal next to the card it concerns", async () => {
    const { press, card } = setup({ delegation: 'Norway', role: 'delegate' }, { refusal: 'your delegation already supports this proposal' });
    press('p1', 'Support');
    await settle();
    const alert = card('p1')!.querySelector<HTMLElement>('[role=alert]')!;
    expect([alert.hidden, alert.textContent]).toEqual([false, 'Your delegation already supports this proposal.']);
    expect(card('p2')!.querySelector<HTMLElement>('[role=alert]')!.hidden).toBe(true);
  });

  it('filters by status (pending first) and by delegation, counting supporters as a delegation’s own', () => {
    const { panel, shownIds } = setup({ delegation: 'Norway', role: 'delegate' });
    const status = panel.element.querySelector<HTMLSelectElement>('.proposal-status-filter')!;
    const delegation = panel.element.querySelector<HTMLSelectElement>('.proposal-delegation-filter')!;
    const choose = (select: HTMLSelectElement, value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    expect(status.closest('label')?.textContent).toContain('Status');
    expect(delegation.closest('label')?.textContent).toContain('Delegation');
    expect([...delegation.options].map((o) => o.textContent)).toEqual(['All delegations', 'European Union', 'Japan', 'Norway']);
    choose(status, 'accepted');
    expect(shownIds()).toEqual(['p3']);
    choose(status, 'all');
    expect(shownIds()).toEqual(['p3', 'p1', 'p2']);
    choose(delegation, 'Japan');
    expect(shownIds()).toEqual(['p3', 'p1', 'p2']);
    choose(delegation, 'European Union');
    expect(shownIds()).toEqual(['p1']);
    choose(status, 'withdrawn');
    expect(panel.element.querySelector('.empty-state')?.textContent).toBe('No proposals to show.');
  });

  it('brings forward the card of a proposal picked in the text, even one the filter hid', () => {
    const { panel, card } = setup({ delegation: 'Norway', role: 'delegate' });
    panel.showProposal('p3');
    expect(panel.element.querySelector<HTMLSelectElement>('.proposal-status-filter')!.value).toBe('accepted');
    expect(card('p3')!.classList.contains('is-active')).toBe(true);
    expect(document.activeElement).toBe(card('p3'));
    panel.showProposal('p3');
    expect(panel.element.querySelectorAll('.is-active')).toHaveLength(1);
  });

  it('asks the editor to show the words, and says so when they are gone', () => {
    const { press, showInText, card } = setup({ delegation: 'Norway', role: 'delegate' }, { showInText: (p) => p.id === 'p1' });
    press('p1', 'Show in text');
    expect(showInText).toHaveBeenCalledWith(expect.objectContaining({ id: 'p1' }));
    expect(card('p1')!.querySelector<HTMLElement>('[role=alert]')!.hidden).toBe(true);
    press('p2', 'Show in text');
    expect(card('p2')!.querySelector('[role=alert]')?.textContent).toBe('The words of this proposal are no longer in the text.');
  });
});
