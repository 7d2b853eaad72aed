import type { CommentAnchor, CommentChange } from '../../shared/comments';
import type { Ack, CommentAck } from '../../shared/events';
import type { CommentVisibility } from '../../shared/negotiations';
import { ackPromise } from '../api/ackPromise';
import type { RealtimeSocket } from '../api/realtime';

const ACK_TIMEOUT_MS = 10_000;

/** The socket.io comment events as promises of the change made, rejecting with the server's readable error. */
export class CommentActions {
  constructor(
    private readonly socket: RealtimeSocket,
    private readonly draftId: string,
  ) {}

  create(anchor: CommentAnchor, text: string, visibility: CommentVisibility): Promise<CommentChange> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('comment:create', { draftId: this.draftId, anchor, text, visibility }, ack));
  }

  reply(commentId: string, text: string): Promise<CommentChange> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('comment:reply', { commentId, text }, ack));
  }

  edit(commentId: string, text: string): Promise<CommentChange> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('comment:edit', { commentId, text }, ack));
  }

  remove(commentId: string): Promise<CommentChange> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('comment:delete', { commentId }, ack));
  }

  resolve(commentId: string): Promise<CommentChange> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('comment:resolve', { commentId }, ack));
  }

  reopen(commentId: string): Promise<CommentChange> {
    return this.settle((ack) => this.socket.timeout(ACK_TIMEOUT_MS).emit('comment:reopen', { commentId }, ack));
  }

  private settle(send: (ack: (err: Error | null, response: Ack<CommentAck>) => void) => void): Promise<CommentChange> {
    return ackPromise(send);
  }
}
