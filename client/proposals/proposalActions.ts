import type { z } from 'zod';
import type { ProposalAck, ProposalCreatePayload, ProposalEditPayload, ProposalView } from '../../shared/proposals';
import type { Ack } from '../../shared/events';
import { ackPromise } from '../api/ackPromise';
import type { RealtimeSocket } from '../api/realtime';

const ACK_TIMEOUT_MS = 10_000;

/** What proposal:create takes, without the draft (the actions know theirs). */
export type NewProposal = Omit<z.input<typeof ProposalCreatePayload>, 'draftId'>;

/** The socket.io proposal events as promises of the proposal as changed, rejecting with the server's readable error. */
export class ProposalActions {
  constructor(
    private readonly socket: RealtimeSocket,
    private readonly draftId: string,
  ) {}

  create(proposal: NewProposal): Promise<ProposalView> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('proposal:create', { ...proposal, draftId: this.draftId }, ack));
  }

  edit(change: z.input<typeof ProposalEditPayload>): Promise<ProposalView> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('proposal:edit', change, ack));
  }

  support(proposalId: string): Promise<ProposalView> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('proposal:support', { proposalId }, ack));
  }

  object(proposalId: string): Promise<ProposalView> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('proposal:object', { proposalId }, ack));
  }

  abstain(proposalId: string): Promise<ProposalView> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('proposal:abstain', { proposalId }, ack));
  }

  withdraw(proposalId: string): Promise<ProposalView> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('proposal:withdraw', { proposalId }, ack));
  }

  /** `seen`: the revision of the proposal as the facilitator was shown it (the server refuses it edited since). */
  accept(proposalId: string, seen: number): Promise<ProposalView> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('proposal:accept', { proposalId, seen }, ack));
  }

  reject(proposalId: string, reason?: string): Promise<ProposalView> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('proposal:reject', { proposalId, reason }, ack));
  }

  private async settle(send: (ack: (err: Error | null, response: Ack<ProposalAck>) => void) => void): Promise<ProposalView> {
    return (await ackPromise(send)).proposal;
  }
}
