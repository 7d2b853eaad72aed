import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { ConnectError } from '../../shared/events';
import type { AuthService } from '../auth/authService';
import type { SessionEndReason, SessionGrant, SessionRegistry } from '../auth/sessionRegistry';
import type { Logger } from '../logger';
import type { AppServer, AppSocket, SocketHandlers } from './types';

/**
 * socket.io on the shared HTTP server; every connection authenticates at the handshake and
 * is disconnected, after a `session:ended` event, when its access ends.
 */
export function createSocketServer(
  httpServer: HttpServer,
  auth: AuthService,
  sessions: SessionRegistry,
  logger: Logger,
  handlers: SocketHandlers[],
  /** Rooms shared with other instances (the Redis adapter); in process when absent. */
  adapter?: ServerOptions['adapter'],
): AppServer {
  const io: AppServer = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 256 * 1024, ...(adapter ? { adapter } : {}) });
  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    let grant: SessionGrant | null;
    try {
      grant = await auth.session(typeof token === 'string' ? token : null);
    } catch (err) {
      // socket.io does not catch a rejected middleware: a store error would be an unhandled rejection.
      logger.error({ err, address: socket.handshake.address }, 'socket.io sign-in failed');
      return next(new Error(ConnectError.Unavailable));
    }
    if (!grant) {
      logger.warn({ address: socket.handshake.address }, 'socket.io handshake refused');
      return next(new Error(ConnectError.Unauthorized));
    }
    socket.data.user = grant.user;
    socket.data.drafts = new Map();
    socket.data.grant = grant;
    next();
  });
  io.on('connection', (socket) => {
    const endSession = sessions.open(socket.data.grant, 'socketio', (reason) => endConnection(socket, reason, logger));
    socket.on('disconnect', endSession);
    handlers.forEach((register) => register(io, socket));
  });
  return io;
}

/** Tells the client why, then cuts the connection (the event is flushed before the transport closes). */
function endConnection(socket: AppSocket, reason: SessionEndReason, logger: Logger): void {
  logger.info({ user: socket.data.user.id, socket: socket.id, reason }, 'socket.io session ended');
  socket.emit('session:ended', { reason });
  socket.disconnect(true);
}
