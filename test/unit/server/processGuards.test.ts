import { EventEmitter } from 'node:events';
import { installProcessGuards } from '../../../server/processGuards';
import { LogCapture } from '../../helpers/captureLogs';

describe('process guards', () => {
  const setup = () => {
    const target = new EventEmitter();
    const logs = new LogCapture();
    const shutdown = jest.fn();
    installProcessGuards(target, logs.logger, shutdown);
    return { target, logs, shutdown };
  };

  it('logs an unhandled rejection with its error and keeps serving', () => {
    const { target, logs, shutdown } = setup();
    target.emit('unhandledRejection', new Error('store went away'));
    expect(logs.entries).toEqual([
      expect.objectContaining({ level: 50, msg: 'unhandled promise rejection; still serving', err: expect.objectContaining({ message: 'store went away' }) }),
    ]);
    expect(shutdown).not.toHaveBeenCalled();
  });

  it('logs an uncaught exception as fatal and shuts down cleanly with exit code 1', () => {
    const { target, logs, shutdown } = setup();
    target.emit('uncaughtException', new TypeError('cannot read properties of undefined'));
    expect(logs.entries).toEqual([
      expect.objectContaining({ level: 60, msg: 'uncaught exception; shutting down cleanly', err: expect.objectContaining({ type: 'TypeError' }) }),
    ]);
    expect(shutdown).toHaveBeenCalledWith('uncaughtException', 1);
  });
});
