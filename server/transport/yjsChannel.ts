import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode, type CloseCodeValue } from '../../shared/closeCodes';
import type { AuthService } from '../auth/authService';
import type { SessionRegistry } from '../auth/sessionRegistry';
import { CollabConnection } from '../collab/connection';
import { parseClientMessage, ProtocolError } from '../collab/parseMessage';
import type { RoomRegistry } from '../collab/roomRegistry';
import type { Room } from '../collab/room';
import { UnavailableError } from '../collab/unavailableError';
import type { Logger } from '../logger';
import type { DraftStore } from '../store/types';
import { FrameRateLimiter } from './frameRateLimiter';
import { FrameSequencer } from './frameSequencer';

export const YJS_PATH_PREFIX = '/yjs/';

export interface YjsChannelOptions {
  auth: AuthService;
  sessions: SessionRegistry;
  drafts: DraftStore;
  rooms: RoomRegistry;
  logger: Logger;
  maxFrameBytes: number;
  maxFramesPerSecond: number;
  /** Open connections one account may have (tabs, devices); more are closed with 4429. */
  maxConnectionsPerUser: number;
  /** Connections still being authenticated at once; more are closed with 4429. */
  maxUnauthenticated: number;
  /** Bytes one connection may send before it is authenticated and attached. */
  maxBytesBeforeSignIn: number;
  /** Saving is too far behind: take no new connections (see PersistenceQueue). */
  writes: { readonly overloaded: boolean };
}

/** Frames a client may send before its connection is authenticated and its room loaded. */
const MAX_EARLY_FRAMES = 32;
const HEARTBEAT_MS = 30_000;
const CLOSE_HANDSHAKE_MS = 3_000;

/**
 * The websocket transport of the Yjs channel: authenticates each connection, attaches it
 * to its draft's room, feeds its frames in order and closes it with a code on misuse.
 */
export class YjsChannel {
  private readonly wss: WebSocketServer;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();
  /** Connections that closed but whose last frames are still being applied. */
  private readonly finishing = new Set<Promise<void>>();
  private connectionCount = 0;
  private unauthenticated = 0;

  constructor(private readonly options: YjsChannelOptions) {
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
    const durableAcks = url.searchParams.get('acks') === 'durable';
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, draftId, token, durableAcks));
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
          setTimeout(() => ws.terminate(), CLOSE_HANDSHAKE_MS).unref();
        }),
    );
    await Promise.all(closed);
    await Promise.all(this.finishing);
    this.wss.close();
  }

  /** Closes every connection with `code` (clients that may reconnect do so later). */
  closeAll(code: CloseCodeValue, reason: string): void {
    this.options.logger.warn({ code, reason, connections: this.wss.clients.size }, 'closing every yjs connection');
    for (const ws of this.wss.clients) ws.close(code, reason);
  }

  private accept(ws: WebSocket, draftId: string, token: string | null, durableAcks: boolean): void {
    // A counter, not a UUID, and no child logger: thousands of connections stay cheap.
    const connectionId = String(++this.connectionCount);
    const context = { draftId, connection: connectionId };
    const log = this.options.logger;
    const limiter = new FrameRateLimiter(this.options.maxFramesPerSecond);
    const early: RawData[] = [];
    let earlyBytes = 0;
    let connection: CollabConnection | null = null;
    let room: Room | null = null;
    let endSession = () => {};

    let refused = false;
    const refuse = (code: CloseCodeValue, reason: string, detail?: object) => {
      if (refused) return;
      refused = true;
      early.length = 0;
      log.warn({ ...context, code, reason, user: connection?.user.id, ...detail }, 'closing yjs connection');
      ws.close(code, reason);
    };
    // Frames are handled in order, even those that arrive while closing: a client's last
    // edits before a shutdown still count.
    const frames = new FrameSequencer((err) => {
      if (err instanceof UnavailableError) return refuse(CloseCode.Unavailable, err.message);
      if (err instanceof ProtocolError) return refuse(err.closeCode, err.message);
      refuse(CloseCode.BadMessage, 'internal error', { err });
    });
    const handle = (target: Room, from: CollabConnection, data: RawData) =>
      frames.run(() => (refused ? undefined : target.receive(from, parseClientMessage(toBytes(data)))));

    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    // ws closes with 1009 by itself when a frame exceeds maxPayload; we only log it.
    ws.on('error', (err) => log.warn({ ...context, err }, 'yjs socket error'));
    ws.on('message', (data) => {
      if (!limiter.take()) return refuse(CloseCode.RateLimited, 'too many messages');
      if (room && connection) return handle(room, connection, data);
      if (refused) return;
      earlyBytes += byteLength(data);
      if (early.push(data) > MAX_EARLY_FRAMES) return refuse(CloseCode.RateLimited, 'too many messages before sign-in');
      if (earlyBytes > this.options.maxBytesBeforeSignIn) refuse(CloseCode.RateLimited, 'too much data before sign-in');
    });
    ws.on('close', () => {
      endSession();
      const attachedRoom = room;
      const attachedConnection = connection;
      room = null;
      const finished = frames.idle().then(() => {
        if (!attachedRoom || !attachedConnection) return;
        attachedRoom.leave(attachedConnection);
        this.options.rooms.release(draftId);
      });
      this.finishing.add(finished);
      void finished.finally(() => this.finishing.delete(finished));
    });

    // Checked after the listeners are on: a refused socket still needs its 'error' handler.
    if (this.unauthenticated >= this.options.maxUnauthenticated) return refuse(CloseCode.RateLimited, 'too many connections waiting for sign-in');
    const attach = async () => {
      this.unauthenticated++;
      const grant = await this.options.auth.session(token).finally(() => this.unauthenticated--);
      if (!grant) return refuse(CloseCode.Unauthorized, 'sign-in required');
      if (this.options.writes.overloaded) return refuse(CloseCode.Unavailable, 'saving is behind; try again later');
      const { sessions, maxConnectionsPerUser } = this.options;
      if (ws.readyState !== ws.OPEN) return;
      if (sessions.count(grant.user.id, 'yjs') >= maxConnectionsPerUser) {
        return refuse(CloseCode.RateLimited, `more than ${maxConnectionsPerUser} connections for this account`);
      }
      // Registered before the draft is loaded, so the per-account count holds for concurrent opens.
      endSession = sessions.open(grant, 'yjs', (reason) => refuse(CloseCode.Unauthorized, `session ended: ${reason}`));
      if (!(await this.options.drafts.get(draftId))) return refuse(CloseCode.UnknownDraft, 'no such draft');
      const joined = await this.options.rooms.acquire(draftId);
      log.debug({ ...context, user: grant.user.id }, 'yjs connection attached');
      connection = new CollabConnection(connectionId, grant.user, socketOf(ws), durableAcks);
      if (ws.readyState !== ws.OPEN || refused) return this.options.rooms.release(draftId);
      const joiner = connection;
      room = joined;
      joined.join(joiner);
      early.splice(0).forEach((data) => handle(joined, joiner, data));
    };
    attach().catch((err) => refuse(CloseCode.Unavailable, 'draft could not be loaded', { err }));
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

function socketOf(ws: WebSocket): CollabConnection['socket'] {
  return {
    send: (message) => {
      if (ws.readyState === ws.OPEN) ws.send(message);
    },
    close: (code, reason) => ws.close(code, reason),
  };
}

function byteLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((sum, chunk) => sum + chunk.byteLength, 0) : data.byteLength;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
