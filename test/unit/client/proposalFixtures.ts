import type { RealtimeSocket } from '../../../client/api/realtime';
import type { Ack } from '../../../shared/events';
import type { ProposalAck, ProposalView } from '../../../shared/proposals';
import { proposal as proposalRecord } from '../proposals/proposalFixture';

/** A pending replace by the European Union on OP3, supported by Japan, opposed by the Group of 77. */
export function proposal(id: string, extra: Partial<ProposalView> = {}): ProposalView {
  return proposalRecord({
    id,
    draftId: 'd1',
    kind: 'replace',
    authorId: 'u-eu',
    authorName: 'Delegate of the EU',
    delegation: 'European Union',
    createdAt: '2026-11-29T13:05:00Z',
    updatedAt: '2026-11-29T13:05:00Z',
    round: 'Rev.1',
    paragraphId: 'op3',
    anchor: { paragraphId: 'op3', start: 'AA==', end: 'AA==', quote: 'urges' },
    text: 'encourages',
    justification: 'Softer wording',
    supporters: ['Japan'],
    objectors: ['Group of 77'],
    ...extra,
  });
}

/**
 * The socket.io client as ProposalActions uses it: every acknowledged emit is recorded and
 * answered by `answer` (the proposal as changed, or the server's refusal).
 */
export function answeringSocket(answer: (event: string, payload: { proposalId?: string }) => Ack<ProposalAck>) {
  const emitted: Array<[string, unknown]> = [];
  const socket = {
    timeout: () => ({
      emit: (event: string, payload: { proposalId?: string }, ack: (err: Error | null, response: Ack<ProposalAck>) => void) => {
        emitted.push([event, payload]);
        queueMicrotask(() => ack(null, answer(event, payload)));
      },
    }),
  };
  return { socket: socket as unknown as RealtimeSocket, emitted };
}
