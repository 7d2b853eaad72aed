import type { ProposalView } from '../../../shared/proposals';
import { DomainError } from '../domainError';

/** Where a delegation stands on another delegation's proposal. */
export type Stance = 'support' | 'object' | 'abstain';

type Positions = Pick<ProposalView, 'supporters' | 'objectors'>;

/**
 * The supporters and objectors once `delegation` takes `stance`: a delegation is in at most one
 * list, objecting moves it out of the supporters (and supporting back), abstaining takes it out
 * of both. Taking the stance it already has, or one on its own proposal, is refused.
 */
export function takeStance(proposal: Pick<ProposalView, 'delegation'> & Positions, delegation: string, stance: Stance): Positions {
  if (proposal.delegation === delegation) throw new DomainError('your delegation made this proposal', 409);
  const supports = proposal.supporters.includes(delegation);
  const objects = proposal.objectors.includes(delegation);
  if (stance === 'support' && supports) throw new DomainError('your delegation already supports this proposal', 409);
  if (stance === 'object' && objects) throw new DomainError('your delegation already objects to this proposal', 409);
  if (stance === 'abstain' && !supports && !objects) throw new DomainError('your delegation has taken no position on this proposal', 409);
  const others = (list: string[]) => list.filter((name) => name !== delegation);
  return {
    supporters: stance === 'support' ? [...proposal.supporters, delegation] : others(proposal.supporters),
    objectors: stance === 'object' ? [...proposal.objectors, delegation] : others(proposal.objectors),
  };
}
