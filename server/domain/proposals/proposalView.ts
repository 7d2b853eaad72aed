import type { ProposalView } from '../../../shared/proposals';
import type { ProposalRecord } from '../../store/types';

/** What every member of the draft sees of a stored proposal (the negotiation id is the server's business). */
export function toProposalView({ negotiationId: _negotiationId, ...view }: ProposalRecord): ProposalView {
  return view;
}
