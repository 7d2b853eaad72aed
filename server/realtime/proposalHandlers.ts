import { ProposalAcceptPayload, ProposalCreatePayload, ProposalEditPayload, ProposalRefPayload, ProposalRejectPayload, type ProposalAck, type ProposalView } from '../../shared/proposals';
import type { DraftMember } from '../domain/access/draftMember';
import type { ProposalService } from '../domain/proposals/proposalService';
import type { Logger } from '../logger';
import { acknowledged } from './acknowledged';
import { joinedMember } from './joinedMember';
import type { SocketHandlers } from './types';

type ProposalRef = { proposalId: string };

/**
 * proposal:* events: validated (fields a client may not set, such as the author, are dropped by
 * the schemas), accepted only from a connection that joined the proposal's draft, decided by
 * ProposalService, which tells the draft's room (proposal:created / proposal:updated).
 */
export function proposalHandlers(proposals: ProposalService, logger: Logger): SocketHandlers {
  return (_io, socket) => {
    /** Events on an existing proposal: the person must have joined that proposal's draft. */
    const onProposal =
      <P extends ProposalRef>(act: (member: DraftMember, payload: P) => Promise<ProposalView>) =>
      async (payload: P): Promise<ProposalAck> => ({ proposal: await act(joinedMember(socket, await proposals.draftOf(payload.proposalId)), payload) });

    socket.on(
      'proposal:create',
      acknowledged(socket, logger, 'proposal:create', ProposalCreatePayload, async (payload) => ({
        proposal: await proposals.create(joinedMember(socket, payload.draftId), payload),
      })),
    );
    socket.on(
      'proposal:edit',
      acknowledged(socket, logger, 'proposal:edit', ProposalEditPayload,
        onProposal((member, { proposalId, ...change }) => proposals.edit(member, proposalId, change))),
    );
    socket.on('proposal:support', acknowledged(socket, logger, 'proposal:support', ProposalRefPayload, onProposal((member, { proposalId }) => proposals.support(member, proposalId))));
    socket.on('proposal:object', acknowledged(socket, logger, 'proposal:object', ProposalRefPayload, onProposal((member, { proposalId }) => proposals.object(member, proposalId))));
    socket.on('proposal:abstain', acknowledged(socket, logger, 'proposal:abstain', ProposalRefPayload, onProposal((member, { proposalId }) => proposals.abstain(member, proposalId))));
    socket.on('proposal:withdraw', acknowledged(socket, logger, 'proposal:withdraw', ProposalRefPayload, onProposal((member, { proposalId }) => proposals.withdraw(member, proposalId))));
    socket.on('proposal:accept', acknowledged(socket, logger, 'proposal:accept', ProposalAcceptPayload, onProposal((member, { proposalId, seen }) => proposals.accept(member, proposalId, seen))));
    socket.on(
      'proposal:reject',
      acknowledged(socket, logger, 'proposal:reject', ProposalRejectPayload,
        onProposal((member, { proposalId, reason }) => proposals.reject(member, proposalId, reason))),
    );
  };
}
