import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode, type CloseCodeValue } from '../../shared/closeCodes';
import type { PublicUser } from '../../shared/user';
import type { AuthService } from '../auth/authService';
import type { CollabConnection } from '../collab/connection';
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
  drafts: DraftStore;
  rooms: RoomRegistry;
  logger: Logger;
  maxFrameBytes: number;
  maxFramesPerSecond: number;
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
    let connection: CollabConnection | null = null;
    let room: Room | null = null;

    let refused = false;
    const refuse = (code: CloseCodeValue, reason: string, detail?: object) => {
      if (refused) return;
      refused = true;
      log.warn({ ...context, code, reason, user: connection?.user.id, ...detail }, 'closing yjs connection');
      ws.close(code, reason);
    };
    // Frames are handled in order, even those that arrive while closing: a client's last
    // edits before a shutdown still count.
    const frames = new FrameSequencer((err) => {
      if (err instanceof UnavailableError) return refuse(CloseCode.Unavailable, err.message);
      if (err instanceof ProtocolError) return refuse(CloseCode.BadMessage, err.message);
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
      if (early.push(data) > MAX_EARLY_FRAMES) refuse(CloseCode.RateLimited, 'too many messages before sign-in');
    });
    ws.on('close', () => {
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

    void this.attach(draftId, token).then(
      (attached) => {
        if (!attached.ok) return refuse(attached.code, attached.reason);
        log.debug({ ...context, user: attached.user.id }, 'yjs connection attached');
        connection = { id: connectionId, user: attached.user, awarenessIds: new Set(), socket: socketOf(ws), durableAcks };
        if (ws.readyState !== ws.OPEN) return this.options.rooms.release(draftId);
        const joined = attached.room;
        const joiner = connection;
        room = joined;
        joined.join(joiner);
        early.splice(0).forEach((data) => handle(joined, joiner, data));
      },
      (err) => refuse(CloseCode.Unavailable, 'draft could not be loaded', { err }),
    );
  }

  private async attach(
    draftId: string,
    token: string | null,
  ): Promise<{ ok: true; user: PublicUser; room: Room } | { ok: false; code: CloseCodeValue; reason: string }> {
    const user = await this.options.auth.authenticate(token);
    if (!user) return { ok: false, code: CloseCode.Unauthorized, reason: 'sign-in required' };
    if (this.options.writes.overloaded) return { ok: false, code: CloseCode.Unavailable, reason: 'saving is behind; try again later' };
    if (!(await this.options.drafts.get(draftId))) return { ok: false, code: CloseCode.UnknownDraft, reason: 'no such draft' };
    return { ok: true, user, room: await this.options.rooms.acquire(draftId) };
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

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
