import type { ProposalView } from '../../shared/proposals';
import { h, replaceChildren } from '../app/dom';
import { proposalCard, type ProposalHandlers, type ProposalViewer } from './proposalCard';
import { DEFAULT_FILTER, STATUS_CHOICES, delegationsIn, passesFilter, type ProposalFilter } from './proposalFilters';
import type { ProposalActions } from './proposalActions';
import type { ProposalStore } from './proposalStore';

const ALL_DELEGATIONS = '';

export interface ProposalsPanelDeps {
  store: ProposalStore;
  actions: Pick<ProposalActions, 'support' | 'object' | 'abstain' | 'withdraw' | 'accept' | 'reject'>;
  viewer: ProposalViewer;
  /** The labels the room uses for the paragraphs ("OP3", "PP4bis"), by id. */
  labels: () => ReadonlyMap<string, string>;
  /** Selects the proposal's words in the editor; false when they are no longer in the text. */
  showInText: (proposal: ProposalView) => boolean;
}

/** The Proposals tab: a card per proposal, filtered by status (pending first) and delegation. */
export class ProposalsPanel {
  readonly element: HTMLElement;
  private filter: ProposalFilter = { ...DEFAULT_FILTER };
  private readonly summary = h('p', { class: 'panel-summary', attrs: { 'aria-live': 'polite' } }, 'Loading proposals…');
  private readonly list = h('div', { class: 'proposal-cards' });
  private readonly delegationSelect = h('select', { class: 'proposal-delegation-filter', attrs: { name: 'delegation' } });
  private readonly statusSelect = h(
    'select',
    { class: 'proposal-status-filter', attrs: { name: 'status' } },
    ...STATUS_CHOICES.map(([value, label]) => h('option', { attrs: { value } }, label)),
  );
  private readonly handlers: ProposalHandlers;
  /** A card that did not change keeps its element, so a reason being typed survives others' proposals. */
  private readonly drawn = new Map<string, { proposal: ProposalView; label: string; element: HTMLElement }>();

  constructor(private readonly deps: ProposalsPanelDeps) {
    const heard = (proposal: ProposalView) => deps.store.upsert(proposal);
    const { actions } = deps;
    this.handlers = {
      support: (id) => actions.support(id).then(heard),
      object: (id) => actions.object(id).then(heard),
      abstain: (id) => actions.abstain(id).then(heard),
      withdraw: (id) => actions.withdraw(id).then(heard),
      accept: (id, seen) => actions.accept(id, seen).then(heard),
      reject: (id, reason) => actions.reject(id, reason).then(heard),
      showInText: deps.showInText,
    };
    this.statusSelect.value = this.filter.status;
    this.statusSelect.addEventListener('change', () => {
      this.filter.status = this.statusSelect.value as ProposalFilter['status'];
      this.render();
    });
    this.delegationSelect.addEventListener('change', () => {
      this.filter.delegation = this.delegationSelect.value || null;
      this.render();
    });
    this.element = h(
      'section',
      { class: 'proposals-panel' },
      h(
        'div',
        { class: 'panel-toolbar proposal-filters' },
        h('label', { class: 'field-label' }, 'Status', this.statusSelect),
        h('label', { class: 'field-label' }, 'Delegation', this.delegationSelect),
      ),
      this.summary,
      this.list,
    );
    deps.store.subscribe(() => this.render());
    this.render();
  }

  render(): void {
    const typingIn = document.activeElement;
    this.fillDelegations();
    const all = this.deps.store.list();
    const shown = all.filter((p) => passesFilter(p, this.filter));
    const pending = all.filter((p) => p.status === 'pending').length;
    this.summary.textContent = pending === 1 ? '1 pending proposal.' : `${pending} pending proposals.`;
    const labels = this.deps.labels();
    replaceChildren(this.list, ...shown.map((p) => this.card(p, labels.get(p.paragraphId) ?? p.paragraphId)), shown.length === 0 ? h('p', { class: 'empty-state' }, 'No proposals to show.') : null);
    // Moving an element in the DOM drops its focus; give it back.
    if (typingIn instanceof HTMLElement && typingIn !== document.activeElement && this.list.contains(typingIn)) typingIn.focus();
  }

  /** Brings a proposal's card forward (it was picked in the text), widening the filter when it hid the card. */
  showProposal(id: string): void {
    const proposal = this.deps.store.get(id);
    if (!proposal) return;
    if (!passesFilter(proposal, this.filter)) {
      this.filter = { status: proposal.status, delegation: null };
      this.statusSelect.value = proposal.status;
    }
    this.render();
    for (const card of this.list.querySelectorAll<HTMLElement>('.proposal-card')) {
      const match = card.dataset.proposalId === id;
      card.classList.toggle('is-active', match);
      if (!match) continue;
      card.tabIndex = -1;
      card.scrollIntoView?.({ block: 'nearest' });
      card.focus();
    }
  }

  private card(proposal: ProposalView, label: string): HTMLElement {
    const drawn = this.drawn.get(proposal.id);
    if (drawn && drawn.proposal === proposal && drawn.label === label) return drawn.element;
    const element = proposalCard(proposal, label, this.deps.viewer, this.handlers);
    this.drawn.set(proposal.id, { proposal, label, element });
    return element;
  }

  /** Every delegation with proposals, keeping the one chosen even when it has none left. */
  private fillDelegations(): void {
    const chosen = this.filter.delegation;
    const delegations = delegationsIn(this.deps.store.list());
    if (chosen && !delegations.includes(chosen)) delegations.push(chosen);
    replaceChildren(
      this.delegationSelect,
      h('option', { attrs: { value: ALL_DELEGATIONS } }, 'All delegations'),
      ...delegations.map((d) => h('option', { attrs: { value: d } }, d)),
    );
    this.delegationSelect.value = chosen ?? ALL_DELEGATIONS;
  }
}
