import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode, type CloseCodeValue } from '../../shared/closeCodes';
import { BoundedCount } from './boundedCount';
import { terminateUnlessClosedWithin } from './terminateUnlessClosedWithin';
import { YjsSession, type YjsSessionDeps, type YjsSessionRequest } from './yjsSession';

export const YJS_PATH_PREFIX = '/yjs/';

export interface YjsChannelOptions extends Omit<YjsSessionDeps, 'signIns'> {
  /** Connections still being authenticated at once; more are closed with 4429. */
  maxUnauthenticated: number;
  /** Told the close code of every socket that closed (metrics). */
  onSocketClosed?: (code: number) => void;
}

const HEARTBEAT_MS = 30_000;
const CLOSE_HANDSHAKE_MS = 3_000;

/**
 * The websocket transport of the Yjs channel: takes the upgrades of `/yjs/<draftId>`, gives
 * each socket a YjsSession (sign-in, limits, frames to its room), checks that sockets are alive,
 * and closes them all at shutdown once their last frames are handled.
 */
export class YjsChannel {
  private readonly wss: WebSocketServer;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();
  /** Connections that closed but whose last frames are still being applied. */
  private readonly finishing = new Set<Promise<void>>();
  private connectionCount = 0;
  private readonly sessionDeps: YjsSessionDeps;

  constructor(private readonly options: YjsChannelOptions) {
    this.sessionDeps = { ...options, signIns: new BoundedCount(options.maxUnauthenticated) };
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, perMessageDeflate: false });
    this.heartbeat = setInterval(() => this.checkHeartbeats(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Claims the upgrade when the path is ours; returns false to let others handle it. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    // Runs in the HTTP server's 'upgrade' listener: a throw here would end the process.
    const url = URL.parse(request.url ?? '/', 'http://localhost');
    if (!url?.pathname.startsWith(YJS_PATH_PREFIX)) return false;
    const draftId = decodeDraftId(url.pathname.slice(YJS_PATH_PREFIX.length));
    const token = url.searchParams.get('token');
    const ticket = url.searchParams.get('ticket');
    const durableAcks = url.searchParams.get('acks') === 'durable';
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, { draftId, token, ticket, durableAcks }));
    return true;
  }

  /**
   * Shutdown: says "going away" to every client, waits for their close handshakes (so frames
   * they sent before it are still handled), and for those frames to be applied.
   */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    const closed = [...this.wss.clients].map(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close(CloseCode.GoingAway, 'server shutting down');
          terminateUnlessClosedWithin(ws, CLOSE_HANDSHAKE_MS);
        }),
    );
    await Promise.all(closed);
    await Promise.all(this.finishing);
    this.wss.close();
  }

  get openConnections(): number {
    return this.wss.clients.size;
  }

  /** Closes every connection with `code` (clients that may reconnect do so later). */
  closeAll(code: CloseCodeValue, reason: string): void {
    this.options.logger.warn({ code, reason, connections: this.wss.clients.size }, 'closing every yjs connection');
    for (const ws of this.wss.clients) ws.close(code, reason);
  }

  private accept(ws: WebSocket, asked: Omit<YjsSessionRequest, 'id'>): void {
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    ws.on('close', (code) => this.options.onSocketClosed?.(code));
    const request = { id: String(++this.connectionCount), ...asked };
    // The session owns the socket from here on: its listeners, limits, room and close.
    new YjsSession(ws, request, this.sessionDeps, (finished) => {
      this.finishing.add(finished);
      void finished.finally(() => this.finishing.delete(finished));
    });
  }

  private checkHeartbeats(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

/** The draft id of a path segment; one that is not valid percent-encoding names no draft (""). */
function decodeDraftId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
