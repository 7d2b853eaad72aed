import type { ProposalStatus, ProposalView } from '../../shared/proposals';

/** What the Proposals panel can single out: one status or all, one delegation or all. */
export interface ProposalFilter {
  status: ProposalStatus | 'all';
  /** A delegation whose proposals to show (made or supported), or null for every delegation. */
  delegation: string | null;
}

/** The panel opens on what the room still has to decide. */
export const DEFAULT_FILTER: ProposalFilter = { status: 'pending', delegation: null };

export const STATUS_NAMES: Record<ProposalStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
};

export const STATUS_CHOICES: Array<[ProposalFilter['status'], string]> = [...(Object.entries(STATUS_NAMES) as Array<[ProposalStatus, string]>), ['all', 'All']];

/** A delegation's proposals are the ones it made and the ones it supports, as in the "by delegation" view. */
export function concernsDelegation(proposal: ProposalView, delegation: string): boolean {
  return proposal.delegation === delegation || proposal.supporters.includes(delegation);
}

export function passesFilter(proposal: ProposalView, filter: ProposalFilter): boolean {
  if (filter.status !== 'all' && proposal.status !== filter.status) return false;
  return filter.delegation === null || concernsDelegation(proposal, filter.delegation);
}

/** The delegations that made or support any of the proposals, alphabetically. */
export function delegationsIn(proposals: ProposalView[]): string[] {
  return [...new Set(proposals.flatMap((p) => [p.delegation, ...p.supporters]))].sort((a, b) => a.localeCompare(b));
}
