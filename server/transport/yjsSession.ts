import type { RawData, WebSocket } from 'ws';
import { CloseCode, type CloseCodeValue } from '../../shared/closeCodes';
import type { AuthService } from '../auth/authService';
import type { DraftEntry } from '../domain/access/draftEntry';
import type { SessionRegistry } from '../auth/sessionRegistry';
import { CollabConnection, type CollabSocket } from '../collab/connection';
import { isSyncAnswer } from '../collab/messages';
import { parseClientMessage, ProtocolError } from '../collab/parseMessage';
import type { Room } from '../collab/room';
import type { RoomRegistry } from '../collab/roomRegistry';
import { UnavailableError } from '../collab/unavailableError';
import type { Logger } from '../logger';
import type { BoundedCount } from './boundedCount';
import { EarlyFrames } from './earlyFrames';
import { FrameRateLimiter } from './frameRateLimiter';
import { FrameSequencer } from './frameSequencer';
import { byteLength, toBytes } from './rawData';
import { SendCap } from './sendCap';
import { terminateUnlessClosedWithin } from './terminateUnlessClosedWithin';

/** What every session of the channel shares. */
export interface YjsSessionDeps {
  auth: AuthService;
  sessions: SessionRegistry;
  /** Membership of the draft's negotiation: non-members are told the draft does not exist. */
  entry: DraftEntry;
  rooms: RoomRegistry;
  logger: Logger;
  maxFrameBytes: number;
  maxFramesPerSecond: number;
  /** Open connections one account may have (tabs, devices); more are closed with 4429. */
  maxConnectionsPerUser: number;
  /** How long an account's connections have to answer a ping when it is at its budget (see attach); silent ones are cut. */
  livenessCheckMs: number;
  /** Bytes one connection may send before it is authenticated and attached. */
  maxBytesBeforeSignIn: number;
  /** Bytes the server may have queued for one connection beyond its sync answer (see SendCap); past it, close 4509. */
  maxSendBufferBytes: number;
  /** Saving is too far behind: take no new connections (see PersistenceQueue). */
  writes: { readonly overloaded: boolean };
  /** Connections being authenticated at once, over the whole channel. */
  signIns: BoundedCount;
}

/** What the client asked for in its upgrade request. */
export interface YjsSessionRequest {
  /** A counter, not a UUID: thousands of connections stay cheap. */
  id: string;
  draftId: string;
  token: string | null;
  /** `?ticket=`: a single-use ticket from POST /api/drafts/:id/ticket (what the browser sends instead of its token). */
  ticket: string | null;
  /** `?acks=durable`: tell the client which of its edits are saved. */
  durableAcks: boolean;
}

/** Frames a client may send before its connection is authenticated and its room loaded. */
const MAX_EARLY_FRAMES = 32;
/** Frames waiting behind a slow one (a sync step 1, a new client id), in frames of the largest size. */
const MAX_QUEUED_FRAMES_OF_MAX_SIZE = 8;
/** How long a connection closed for being too far behind has to read up to our close frame and answer it. */
export const BEHIND_CLOSE_GRACE_MS = 3_000;

type State = 'authenticating' | 'live' | 'closed';

/**
 * One websocket of the Yjs channel, from upgrade to close. While `authenticating` its frames
 * are kept (bounded); once `live` they go to its draft's room, in order; once `closed`, the
 * frames that came before the close still count, then it leaves the room. A refusal (closed by
 * us, with a code and one log line) can come in any state and drops every frame after it.
 */
export class YjsSession {
  private state: State = 'authenticating';
  private refused = false;
  private readonly limiter: FrameRateLimiter;
  private readonly early: EarlyFrames;
  private readonly frames: FrameSequencer;
  private attached: { room: Room; connection: CollabConnection } | null = null;
  private queuedBytes = 0;
  private endSession = () => {};
  private leaveDraft = () => {};
  private userId: string | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly request: YjsSessionRequest,
    private readonly deps: YjsSessionDeps,
    /** Told when the socket closed, with the promise of its last frames being handled. */
    private readonly onFinishing: (finished: Promise<void>) => void,
  ) {
    this.limiter = new FrameRateLimiter(deps.maxFramesPerSecond);
    this.early = new EarlyFrames(MAX_EARLY_FRAMES, deps.maxBytesBeforeSignIn);
    // Frames are handled in order, even those that arrive while closing: a client's last
    // edits before a shutdown still count.
    this.frames = new FrameSequencer((err) => {
      if (err instanceof UnavailableError) return this.refuse(CloseCode.Unavailable, err.message);
      if (err instanceof ProtocolError) return this.refuse(err.closeCode, err.message);
      this.refuse(CloseCode.BadMessage, 'internal error', { err });
    });
    // ws closes with 1009 by itself when a frame exceeds maxPayload; we only log it.
    ws.on('error', (err) => deps.logger.warn({ ...this.context(), err }, 'yjs socket error'));
    ws.on('message', (data) => this.receive(data));
    ws.on('close', () => this.closed());
    this.attach().catch((err) => this.refuse(CloseCode.Unavailable, 'draft could not be loaded', { err }));
  }

  private receive(data: RawData): void {
    if (!this.limiter.take()) return this.refuse(CloseCode.RateLimited, 'too many messages');
    if (this.attached) return this.handle(this.attached, data);
    if (this.refused) return;
    const overflow = this.early.keep(data);
    if (overflow) this.refuse(CloseCode.RateLimited, overflow);
  }

  private handle({ room, connection }: { room: Room; connection: CollabConnection }, data: RawData): void {
    const bytes = byteLength(data);
    this.queuedBytes += bytes;
    if (this.queuedBytes > MAX_QUEUED_FRAMES_OF_MAX_SIZE * this.deps.maxFrameBytes) {
      return this.refuse(CloseCode.RateLimited, 'too much data waiting to be handled');
    }
    this.frames.run(() => {
      this.queuedBytes -= bytes;
      if (!this.refused) return room.receive(connection, parseClientMessage(toBytes(data)));
    });
  }

  /** Signs in, checks the limits, registers the session, loads the room and hands it the kept frames. */
  private async attach(): Promise<void> {
    const { auth, sessions, entry, rooms, writes, signIns, maxConnectionsPerUser } = this.deps;
    if (!signIns.tryEnter()) return this.refuse(CloseCode.RateLimited, 'too many connections waiting for sign-in');
    const { ticket, token, draftId } = this.request;
    const signingIn = ticket ? auth.sessionFromTicket(ticket, draftId) : auth.session(token);
    const grant = await signingIn.finally(() => signIns.leave());
    if (!grant) return this.refuse(CloseCode.Unauthorized, 'sign-in required');
    this.userId = grant.user.id;
    if (writes.overloaded) return this.refuse(CloseCode.Unavailable, 'saving is behind; try again later');
    if (this.abandoned) return;
    // At the budget, connections whose network went away without a close stop counting (see
    // answersCheck); those that answer still count, so a client opening them in a loop is refused.
    if (sessions.count(grant.user.id, 'yjs') >= maxConnectionsPerUser) await sessions.answersCheck(grant.user.id, 'yjs');
    if (this.abandoned) return;
    if (sessions.count(grant.user.id, 'yjs') >= maxConnectionsPerUser) {
      return this.refuse(CloseCode.RateLimited, `more than ${maxConnectionsPerUser} connections for this account`);
    }
    // Registered right after the count, so the per-account count holds for concurrent opens.
    this.endSession = sessions.open(
      grant,
      'yjs',
      (reason) => this.refuse(CloseCode.Unauthorized, `session ended: ${reason}`),
      () => this.answers(),
    );
    const presence = await entry.enter(grant.user, this.request.draftId, () =>
      this.refuse(CloseCode.Unauthorized, 'session ended: membership-changed'),
    );
    // The same answer for a draft that does not exist and one of another negotiation.
    if (!presence) return this.refuse(CloseCode.UnknownDraft, 'no such draft');
    // Closed during the check: closed() has run, so nothing would end this watch later.
    if (this.abandoned) return presence.leave();
    this.leaveDraft = presence.leave;
    const room = await rooms.acquire(this.request.draftId);
    if (this.abandoned) return rooms.release(this.request.draftId);
    const connection = new CollabConnection(this.request.id, presence.member, this.socket(), this.request.durableAcks);
    this.deps.logger.debug(this.context(), 'yjs connection attached');
    this.state = 'live';
    this.attached = { room, connection };
    room.join(connection);
    for (const data of this.early.take()) this.handle(this.attached, data);
  }

  /** Pings the client: true once it answers; false when it closed meanwhile, or did not answer in time (then it is cut). */
  private answers(): Promise<boolean> {
    const { ws } = this;
    const { livenessCheckMs, logger } = this.deps;
    return new Promise<boolean>((resolve) => {
      const settle = (answered: boolean) => {
        clearTimeout(timer);
        ws.off('pong', onAnswer);
        ws.off('close', onClose);
        resolve(answered);
      };
      const onAnswer = () => settle(true);
      const onClose = () => settle(false);
      const timer = setTimeout(() => {
        settle(false);
        logger.warn({ ...this.context(), waitedMs: livenessCheckMs }, 'cutting yjs connection: no answer to a liveness check');
        ws.terminate();
      }, livenessCheckMs);
      ws.on('pong', onAnswer);
      ws.on('close', onClose);
      if (ws.readyState === ws.OPEN) ws.ping();
    });
  }

  /**
   * What the room sends through. A client that stops reading (a laptop asleep with its socket
   * open, a stalled network, a modified client) would make the server queue every update of the
   * draft for it without end: past the cap (beyond its sync answer, see SendCap) it is closed
   * with 4509, and syncs what it missed when it reconnects.
   */
  private socket(): CollabSocket {
    const { ws } = this;
    const cap = new SendCap(this.deps.maxSendBufferBytes);
    return {
      send: (message) => {
        if (ws.readyState !== ws.OPEN) return;
        if (!cap.admits(ws.bufferedAmount)) return this.refuseBehind(ws.bufferedAmount);
        ws.send(message);
        if (isSyncAnswer(message)) cap.answered(message.byteLength);
      },
      close: (code, reason) => ws.close(code, reason),
    };
  }

  /** Closed or refused while signing in and loading: attach() stops and undoes its last step. */
  private get abandoned(): boolean {
    return this.state !== 'authenticating' || this.refused;
  }

  /**
   * It does not read, so it may never read as far as our close frame either: cut the socket after
   * a grace rather than keep all queued for it during ws' 30 s close timeout.
   */
  private refuseBehind(bufferedBytes: number): void {
    this.refuse(CloseCode.Resync, 'too far behind: reconnect and sync', { bufferedBytes });
    terminateUnlessClosedWithin(this.ws, BEHIND_CLOSE_GRACE_MS, () =>
      this.deps.logger.warn({ ...this.context(), bufferedBytes: this.ws.bufferedAmount }, 'yjs connection did not answer its close: cut'),
    );
  }

  private refuse(code: CloseCodeValue, reason: string, detail?: object): void {
    if (this.refused) return;
    this.refused = true;
    this.early.take();
    this.deps.logger.warn({ ...this.context(), code, reason, ...detail }, 'closing yjs connection');
    this.ws.close(code, reason);
  }

  private closed(): void {
    this.state = 'closed';
    this.endSession();
    this.leaveDraft();
    const attached = this.attached;
    this.attached = null;
    this.onFinishing(
      this.frames.idle().then(() => {
        if (!attached) return;
        attached.room.leave(attached.connection);
        this.deps.rooms.release(this.request.draftId);
      }),
    );
  }

  private context() {
    return { draftId: this.request.draftId, connection: this.request.id, user: this.userId };
  }
}

