import { h, type Child } from '../app/dom';
import { roleName } from '../app/roleName';
import type { DraftSummary } from '../../shared/drafts';
import type { NegotiationSummary } from '../../shared/negotiations';
import { draftsList } from './draftsList';

/** "12–16 May 2026", one end, or nothing. */
export function negotiationDates({ startsOn, endsOn }: Pick<NegotiationSummary, 'startsOn' | 'endsOn'>): string {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (startsOn && endsOn) return `${day(startsOn)} – ${day(endsOn)}`;
  if (startsOn) return `From ${day(startsOn)}`;
  if (endsOn) return `Until ${day(endsOn)}`;
  return '';
}

/** "Delegate for Kazakhstan", or what an administrator who is not a member sees. */
export function membershipText(me: NegotiationSummary['me']): string {
  if (!me) return 'You administer this server but are not a member of this negotiation.';
  return me.role === 'delegate' ? `You take part as ${roleName(me.role)} for ${me.delegation}.` : `You take part as ${roleName(me.role)}.`;
}

/** One negotiation on the drafts page: what it is, the caller's part in it, its drafts and anything after. */
export function negotiationSection(negotiation: NegotiationSummary, drafts: DraftSummary[], ...after: Child[]): HTMLElement {
  const headingId = `negotiation-${negotiation.id}`;
  const dates = negotiationDates(negotiation);
  return h(
    'section',
    { class: 'card negotiation', attrs: { 'aria-labelledby': headingId, 'data-negotiation-id': negotiation.id } },
    h('h2', { attrs: { id: headingId } }, negotiation.name),
    h('p', { class: 'negotiation-body' }, negotiation.body, dates ? h('span', { class: 'negotiation-dates' }, ` · ${dates}`) : null),
    h('p', { class: 'negotiation-me muted' }, membershipText(negotiation.me)),
    // An administrator who is not a member lists no drafts: they are for the negotiating parties.
    negotiation.me ? draftsList(drafts) : h('p', { class: 'empty-state' }, 'Its drafts are open to its members only.'),
    ...after,
  );
}
