import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message type of sync messages. */
const MESSAGE_SYNC = 0;

/**
 * A deletion moves no Yjs clock, so durable clocks cannot confirm it. It is confirmed another
 * way: after it, the client asks for a sync (step 1). The server answers a step 1 only once
 * everything it received before is durable, one answer per request, in order, on the socket;
 * so the answer to a step 1 sent after a deletion confirms the deletion. One request is out at
 * a time: deletions made meanwhile wait for the next one.
 */
export class DeletionProbe {
  private unconfirmed = false;
  /** Step 1 messages sent and step 2 answers received on the current socket. */
  private sent = 0;
  private answered = 0;
  /** The answer that confirms what was deleted before the outstanding request. */
  private awaitedAnswer: number | null = null;
  private askAgain = false;
  private readonly handleSync: WebsocketProvider['messageHandlers'][number];

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly onConfirmed: () => void,
  ) {
    this.handleSync = provider.messageHandlers[MESSAGE_SYNC];
    provider.messageHandlers[MESSAGE_SYNC] = (reply, decoder, ...rest) => {
      const step = decoding.readVarUint(decoding.clone(decoder));
      this.handleSync(reply, decoder, ...rest);
      if (step === syncProtocol.messageYjsSyncStep2) this.answerArrived();
      // The server's step 1 comes once per socket; our reply to it (sent right after this
      // handler) carries what was deleted offline, so ask only after that.
      else if (step === syncProtocol.messageYjsSyncStep1 && this.unconfirmed) queueMicrotask(() => this.ask());
    };
    provider.on('status', this.onStatus);
  }

  /** A local deletion is not yet known to be durable. */
  get pending(): boolean {
    return this.unconfirmed;
  }

  /** A local change that moved no clock (a deletion) was made. */
  deleted(): void {
    this.unconfirmed = true;
    if (this.awaitedAnswer === null) this.ask();
    else this.askAgain = true;
  }

  stop(): void {
    this.provider.messageHandlers[MESSAGE_SYNC] = this.handleSync;
    this.provider.off('status', this.onStatus);
  }

  /** A new socket: the provider sends its own step 1 right after announcing it. */
  private readonly onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected') return;
    this.sent = 1;
    this.answered = 0;
    this.awaitedAnswer = null;
    this.askAgain = false;
  };

  private ask(): void {
    const socket = this.provider.ws;
    if (!this.provider.wsconnected || !socket) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.provider.doc);
    socket.send(encoding.toUint8Array(encoder));
    this.awaitedAnswer = ++this.sent;
  }

  private answerArrived(): void {
    this.answered += 1;
    if (this.awaitedAnswer === null || this.answered < this.awaitedAnswer) return;
    this.awaitedAnswer = null;
    if (this.askAgain) {
      this.askAgain = false;
      this.ask();
      return;
    }
    this.unconfirmed = false;
    this.onConfirmed();
  }
}
