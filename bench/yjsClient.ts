import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const SYNC_TIMEOUT_MS = 20_000;

/** Origin of changes received from the server, so they are not sent back. */
const FROM_SERVER = Symbol('from server');

/**
 * A bare y-websocket client: the sync handshake and updates, applied to a real Y.Doc, no
 * awareness. Cheaper than WebsocketProvider (no timers, no reconnection), so a hundred fit
 * in the bench process beside the measurements.
 */
export class BenchClient {
  readonly doc = new Y.Doc();
  /** Resolves once the server's sync step 2 is applied; rejects if the socket closes first. */
  readonly synced: Promise<void>;
  /** Set when the socket closed while the bench still wanted it open. */
  closedBy: { code: number; reason: string } | null = null;
  /** performance.now() when the server's sync step 2 arrived, before it was applied. */
  stepTwoReceivedAt: number | null = null;
  private readonly ws: WebSocket;
  private leaving = false;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.synced = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sync within ${SYNC_TIMEOUT_MS} ms: ${url}`)), SYNC_TIMEOUT_MS);
      this.ws.on('message', (data: Buffer) => {
        if (this.receive(data) === syncProtocol.messageYjsSyncStep2) {
          clearTimeout(timer);
          resolve();
        }
      });
      this.ws.on('close', (code, reason) => {
        clearTimeout(timer);
        if (!this.leaving) this.closedBy = { code, reason: reason.toString() };
        reject(new Error(`closed before sync (${code} ${reason.toString()}): ${url}`));
      });
    });
    // A rejection after sync only means the socket closed later; closedBy records that.
    this.synced.catch(() => {});
    this.ws.on('error', () => {});
    this.ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.ws.send(encoding.toUint8Array(encoder));
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.ws.send(encoding.toUint8Array(encoder));
    });
  }

  /** A local change: applied to this client's copy and sent to the server. */
  apply(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update);
  }

  close(): void {
    this.leaving = true;
    this.ws.close();
    this.doc.destroy();
  }

  /** Applies a sync frame (answering a step 1); returns its sync sub-type, or -1 for other frames. */
  private receive(data: Buffer): number {
    const decoder = decoding.createDecoder(data);
    // Awareness and other frames are skipped: bench clients show no cursors.
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return -1;
    if (decoding.peekVarUint(decoder) === syncProtocol.messageYjsSyncStep2) this.stepTwoReceivedAt ??= performance.now();
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER);
    if (encoding.length(reply) > 1) this.ws.send(encoding.toUint8Array(reply));
    return step;
  }
}
