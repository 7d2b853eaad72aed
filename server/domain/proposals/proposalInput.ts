import type { z } from 'zod';
import { ANCHORED_KINDS, WORDED_KINDS, type ProposalCreatePayload, type ProposalEditPayload, type ProposalView } from '../../../shared/proposals';
import { DomainError } from '../domainError';

export type ProposalCreateInput = z.infer<typeof ProposalCreatePayload>;
export type ProposalChange = Omit<z.infer<typeof ProposalEditPayload>, 'proposalId'>;

/** The create payload a stored proposal was made from, as the document check takes it. */
export function inputOf(proposal: ProposalView): ProposalCreateInput {
  return {
    draftId: proposal.draftId,
    kind: proposal.kind,
    anchor: proposal.anchor ?? undefined,
    afterParagraphId: proposal.kind === 'new_paragraph' ? proposal.paragraphId : undefined,
    paragraphId: proposal.kind === 'alternative' ? proposal.paragraphId : undefined,
    paragraphType: proposal.paragraphType ?? undefined,
    level: proposal.level ?? undefined,
    text: proposal.text ?? undefined,
    justification: proposal.justification ?? undefined,
  };
}

/** The proposal's input with an edit applied; an edit must change something its kind has. */
export function editedInput(proposal: ProposalView, change: ProposalChange): ProposalCreateInput {
  if (change.text === undefined && change.anchor === undefined && change.justification === undefined) throw new DomainError('the edit changes nothing');
  if (change.text !== undefined && !WORDED_KINDS.has(proposal.kind)) throw new DomainError(`a ${proposal.kind} proposal has no text to edit`);
  if (change.anchor !== undefined && !ANCHORED_KINDS.has(proposal.kind)) throw new DomainError(`a ${proposal.kind} proposal has no anchor to move`);
  return { ...inputOf(proposal), ...definedFields(change) };
}

function definedFields(change: ProposalChange): Partial<ProposalChange> {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
}
