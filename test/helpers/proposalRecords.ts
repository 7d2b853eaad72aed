import { randomUUID } from 'node:crypto';
import type { ProposalRecord } from '../../server/store/types';
import type { ProposalAction, ProposalEvent } from '../../shared/proposals';

/** One step of a proposal's life by a member of `delegation`. */
export function proposalEvent(action: ProposalAction, delegation: string, at: string, note: string | null = null): ProposalEvent {
  return { action, delegation, userId: `user-${delegation}`, name: `Delegate of ${delegation}`, at, note };
}

/** A pending proposal of the EU to replace words in op-5 of the draft, as the store keeps it. */
export function makeProposal(draftId: string, overrides: Partial<ProposalRecord> = {}): ProposalRecord {
  const createdAt = overrides.createdAt ?? '2026-04-13T10:00:00.000Z';
  return {
    id: `proposal-${randomUUID()}`,
    draftId,
    negotiationId: 'negotiation-ccpcj',
    kind: 'replace',
    status: 'pending',
    authorId: 'user-eu',
    authorName: 'Delegate of the EU',
    delegation: 'EU',
    createdAt,
    updatedAt: createdAt,
    round: 'First reading',
    paragraphId: 'op-5',
    // Text that looks like an operator or JSON is stored as text.
    anchor: { paragraphId: 'op-5', start: 'AQID', end: 'BAUG', quote: 'urges "$set"' },
    text: 'encourages',
    paragraphType: null,
    level: null,
    justification: null,
    supporters: [],
    objectors: [],
    decidedBy: null,
    result: null,
    events: [proposalEvent('created', 'EU', createdAt)],
    ...overrides,
  };
}
