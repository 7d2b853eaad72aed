import { JUSTIFICATION_MAX_LENGTH, proposalRevision, type ProposalView } from '../../shared/proposals';
import { summarizeProposal } from '../../shared/proposalSummary';
import { isFacilitator, type Role } from '../../shared/roles';
import { h, type Child } from '../app/dom';
import { inlineError } from '../app/inlineError';
import { zonedTime } from '../app/time';
import { STATUS_NAMES } from './proposalFilters';

/** Who reads the card: their delegation in the negotiation and their role in the draft. */
export interface ProposalViewer {
  delegation: string;
  role: Role;
}

/** What a card's buttons ask for; each resolves, or rejects with the server's readable message. */
export interface ProposalHandlers {
  support: (proposalId: string) => Promise<unknown>;
  object: (proposalId: string) => Promise<unknown>;
  abstain: (proposalId: string) => Promise<unknown>;
  withdraw: (proposalId: string) => Promise<unknown>;
  /** `seen`: the revision of the proposal as its card showed it. */
  accept: (proposalId: string, seen: number) => Promise<unknown>;
  reject: (proposalId: string, reason?: string) => Promise<unknown>;
  /** Selects the proposal's words in the editor; false when they are no longer in the text. */
  showInText: (proposal: ProposalView) => boolean;
}

type Position = 'supports' | 'objects' | 'none';

/** One proposal in the Proposals panel: what, who, when, who stands where, and what the reader may do. All text goes in as text nodes. */
export function proposalCard(proposal: ProposalView, label: string, viewer: ProposalViewer, handlers: ProposalHandlers): HTMLElement {
  const { element: error, run, show } = inlineError('proposal-error');
  const headingId = `proposal-${proposal.id}-heading`;
  const pending = proposal.status === 'pending';
  const card = h(
    'article',
    { class: `proposal-card status-${proposal.status}`, attrs: { 'data-proposal-id': proposal.id, 'aria-labelledby': headingId } },
    h(
      'h3',
      { class: 'proposal-heading', attrs: { id: headingId } },
      h('span', { class: 'proposal-label' }, label),
      ' ',
      h('span', { class: 'proposal-summary' }, summarizeProposal(proposal)),
    ),
    h('p', { class: `proposal-status badge-${proposal.status}` }, STATUS_NAMES[proposal.status]),
    h(
      'p',
      { class: 'proposal-meta' },
      h('span', { class: 'comment-delegation' }, proposal.delegation),
      ` · ${proposal.authorName} · `,
      h('time', { attrs: { datetime: proposal.createdAt } }, zonedTime(proposal.createdAt)),
      proposal.round ? ` · Round ${proposal.round}` : null,
    ),
    proposal.justification ? h('p', { class: 'proposal-justification' }, h('span', { class: 'visually-hidden' }, 'Justification: '), proposal.justification) : null,
    h(
      'dl',
      { class: 'proposal-positions' },
      h('dt', {}, 'Supported by'),
      h('dd', { class: 'proposal-supporters' }, proposal.supporters.join(', ') || (pending ? 'no delegation yet' : 'no delegation')),
      h('dt', {}, 'Objected to by'),
      h('dd', { class: 'proposal-objectors' }, proposal.objectors.join(', ') || 'no delegation'),
    ),
    decisionLine(proposal),
    pending ? positionLine(proposal, viewer) : null,
    error,
  );
  const actions = h(
    'div',
    { class: 'proposal-actions' },
    h(
      'button',
      {
        class: 'button-link',
        attrs: { type: 'button' },
        on: {
          click: () => {
            if (!handlers.showInText(proposal)) show('The words of this proposal are no longer in the text.');
          },
        },
      },
      'Show in text',
    ),
    ...(pending ? actionButtons(proposal, viewer, handlers, run, card) : []),
  );
  card.insertBefore(actions, error);
  return card;
}

function positionOf(proposal: ProposalView, delegation: string): Position {
  if (proposal.supporters.includes(delegation)) return 'supports';
  if (proposal.objectors.includes(delegation)) return 'objects';
  return 'none';
}

/** Delegates of other delegations take a position; the facilitator chairs and stays out of it. */
function takesPosition(proposal: ProposalView, viewer: ProposalViewer): boolean {
  return viewer.role === 'delegate' && viewer.delegation !== proposal.delegation;
}

function isProposer(proposal: ProposalView, viewer: ProposalViewer): boolean {
  return viewer.role !== 'observer' && viewer.delegation === proposal.delegation;
}

function positionLine(proposal: ProposalView, viewer: ProposalViewer): HTMLElement | null {
  if (isProposer(proposal, viewer)) return h('p', { class: 'proposal-position' }, 'Your delegation made this proposal.');
  if (!takesPosition(proposal, viewer)) return null;
  const words: Record<Position, string> = {
    supports: 'Your delegation supports this proposal.',
    objects: 'Your delegation objects to this proposal.',
    none: 'Your delegation has taken no position.',
  };
  return h('p', { class: 'proposal-position' }, words[positionOf(proposal, viewer.delegation)]);
}

/** "Accepted by Ms Chair (Secretariat), 29 Nov 2026, 14:05 CET", a rejection's reason, or what superseded it. */
function decisionLine(proposal: ProposalView): HTMLElement | null {
  const decided = proposal.decidedBy;
  if (!decided || proposal.status === 'pending') return null;
  const last = [...proposal.events].reverse().find((event) => event.action === proposal.status);
  const reason = proposal.status === 'rejected' && last?.note ? ` Reason: ${last.note}` : '';
  return h(
    'p',
    { class: 'proposal-decision' },
    `${STATUS_NAMES[proposal.status]} by ${personOf(decided)}, `,
    h('time', { attrs: { datetime: decided.at } }, zonedTime(decided.at)),
    `.${reason}`,
  );
}

/** "Ms Chair (Secretariat)"; a name that is its delegation's ("Facilitator") is said once. */
function personOf({ name, delegation }: { name: string; delegation: string }): string {
  return name === delegation ? name : `${name} (${delegation})`;
}

function button(label: string, onClick: () => void, extra: { pressed?: boolean; className?: string } = {}): HTMLButtonElement {
  return h(
    'button',
    {
      class: `button-small ${extra.className ?? 'button-quiet'}`,
      attrs: { type: 'button', 'aria-pressed': extra.pressed === undefined ? undefined : String(extra.pressed) },
      on: { click: onClick },
    },
    label,
  );
}

function actionButtons(
  proposal: ProposalView,
  viewer: ProposalViewer,
  handlers: ProposalHandlers,
  run: (action: Promise<unknown>) => void,
  card: HTMLElement,
): Child[] {
  const id = proposal.id;
  const buttons: Child[] = [];
  if (isFacilitator(viewer.role)) {
    buttons.push(
      button('Accept', () => run(handlers.accept(id, proposalRevision(proposal))), { className: 'button-primary' }),
      button('Reject', () => openRejectForm(card, (reason) => handlers.reject(id, reason), run)),
    );
  }
  if (takesPosition(proposal, viewer)) {
    const position = positionOf(proposal, viewer.delegation);
    buttons.push(
      // Pressing the position the delegation holds takes it back, as a toggle does.
      button('Support', () => run(position === 'supports' ? handlers.abstain(id) : handlers.support(id)), { pressed: position === 'supports' }),
      button('Object', () => run(position === 'objects' ? handlers.abstain(id) : handlers.object(id)), { pressed: position === 'objects' }),
      position === 'none' ? null : button('Abstain', () => run(handlers.abstain(id))),
    );
  }
  if (isProposer(proposal, viewer)) {
    buttons.push(button('Withdraw', () => window.confirm('Withdraw this proposal of your delegation?') && run(handlers.withdraw(id))));
  }
  return buttons;
}

/** Rejecting asks for an optional reason, said to the room with the rejection. */
function openRejectForm(card: HTMLElement, reject: (reason?: string) => Promise<unknown>, run: (action: Promise<unknown>) => void): void {
  const existing = card.querySelector<HTMLTextAreaElement>('.proposal-reject-form textarea');
  if (existing) return existing.focus();
  const reason = h('textarea', { class: 'comment-input', attrs: { name: 'reason', rows: '2', maxlength: String(JUSTIFICATION_MAX_LENGTH) } });
  const form = h(
    'form',
    { class: 'proposal-reject-form' },
    h('label', { class: 'field-label' }, 'Reason for rejecting (optional)', reason),
    h('button', { class: 'button-primary button-small', attrs: { type: 'submit' } }, 'Reject proposal'),
    h('button', { class: 'button-quiet button-small', attrs: { type: 'button' }, on: { click: () => form.remove() } }, 'Cancel'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const why = reason.value.trim();
    run(reject(why || undefined));
  });
  card.querySelector('.proposal-actions')!.after(form);
  reason.focus();
}
