import type { Logger } from './logger';

/** The part of `process` the guards listen on (an EventEmitter in tests). */
export interface ProcessEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
}

/**
 * Last resort for errors no code caught, instead of Node's default of dying on the spot with
 * pending writes unflushed.
 *
 * - A rejected promise nobody handled is logged and the server keeps serving: the operation
 *   that made it failed, but nothing ran half-way, since a rejection settles at an `await`.
 * - An uncaught exception is logged, then the server shuts down cleanly (pending writes
 *   flushed, store closed) and exits with 1 for the supervisor to restart it. A synchronous
 *   throw unwound a stack mid-operation, so a room, a frame sequence or the persistence queue
 *   may be half-updated; serving on could corrupt a document, while browsers keep their edits
 *   and send them again after the restart.
 */
export function installProcessGuards(target: ProcessEvents, logger: Logger, shutdown: (reason: string, exitCode: number) => void): void {
  target.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection; still serving');
  });
  target.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception; shutting down cleanly');
    shutdown('uncaughtException', 1);
  });
}
