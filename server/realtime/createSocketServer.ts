import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { ConnectError } from '../../shared/events';
import type { AuthService } from '../auth/authService';
import type { Logger } from '../logger';
import type { AppServer, SocketHandlers } from './types';

/** socket.io on the shared HTTP server; every connection authenticates at the handshake. */
export function createSocketServer(
  httpServer: HttpServer,
  auth: AuthService,
  logger: Logger,
  handlers: SocketHandlers[],
): AppServer {
  const io: AppServer = new Server(httpServer, { serveClient: false, maxHttpBufferSize: 256 * 1024 });
  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    const user = await auth.authenticate(typeof token === 'string' ? token : null);
    if (!user) {
      logger.warn({ address: socket.handshake.address }, 'socket.io handshake refused');
      return next(new Error(ConnectError.Unauthorized));
    }
    socket.data.user = user;
    socket.data.drafts = new Set();
    next();
  });
  io.on('connection', (socket) => handlers.forEach((register) => register(io, socket)));
  return io;
}
