import type { AcceptedProposalEntry, ProposalActivityEntry, ProposalEvent, ProposalView } from '../../../shared/proposals';
import { summarizeProposal } from '../../../shared/proposalSummary';

/** A proposal's paragraph as the room calls it now: the paragraph it produced if accepted as a new one. */
function labelOf(proposal: ProposalView, labels: ReadonlyMap<string, string>): string {
  const paragraphId = proposal.result?.paragraphId ?? proposal.paragraphId;
  return labels.get(paragraphId) ?? paragraphId;
}

/** Edits this soon after the same person's previous step of a proposal are their typing going on. */
const TYPING_PAUSE_MS = 60_000;

/**
 * A proposal's steps without the edits Propose mode sends while someone types (one every
 * 400 ms or so): an edit right after the same person's previous step continues it.
 */
function steps(events: ProposalEvent[]): ProposalEvent[] {
  return events.filter((event, i) => {
    const previous = events[i - 1];
    const typing = previous !== undefined && previous.userId === event.userId && Date.parse(event.at) - Date.parse(previous.at) < TYPING_PAUSE_MS;
    return !(event.action === 'edited' && typing && (previous.action === 'created' || previous.action === 'edited'));
  });
}

/** Every step of every proposal, newest first, for the activity timeline. */
export function activityEntries(proposals: ProposalView[], labels: ReadonlyMap<string, string>, limit: number): ProposalActivityEntry[] {
  return proposals
    .flatMap((proposal) => {
      const about = { proposalId: proposal.id, kind: proposal.kind, label: labelOf(proposal, labels), summary: summarizeProposal(proposal), proposedBy: proposal.delegation };
      return steps(proposal.events).map((event) => ({ ...about, event }));
    })
    .sort((a, b) => b.event.at.localeCompare(a.event.at))
    .slice(0, limit);
}

/** The span of history a comparison covers: after `after`, up to `until` (now when absent). */
export interface HistorySpan {
  after: string;
  until?: string;
}

/** Proposals accepted within the span, oldest first: "proposed by EU, accepted by the Facilitator". */
export function acceptedEntries(proposals: ProposalView[], labels: ReadonlyMap<string, string>, { after, until }: HistorySpan): AcceptedProposalEntry[] {
  return proposals
    .filter((proposal) => proposal.status === 'accepted' && proposal.decidedBy !== null)
    .filter(({ decidedBy }) => decidedBy!.at > after && (until === undefined || decidedBy!.at <= until))
    .sort((a, b) => a.decidedBy!.at.localeCompare(b.decidedBy!.at))
    .map((proposal) => ({
      proposalId: proposal.id,
      label: labelOf(proposal, labels),
      summary: summarizeProposal(proposal),
      proposedBy: proposal.delegation,
      supporters: proposal.supporters,
      acceptedBy: proposal.decidedBy!.name,
      at: proposal.decidedBy!.at,
    }));
}
