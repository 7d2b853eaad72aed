/** @jest-environment jsdom */
import { io } from 'socket.io-client';
import { connectRealtime } from '../../../client/api/realtime';

jest.mock('socket.io-client', () => ({ io: jest.fn(() => ({})) }));

describe('connectRealtime', () => {
  it('connects with the websocket transport only, so instances behind a load balancer need no sticky sessions', () => {
    connectRealtime('token-1');
    expect(io).toHaveBeenCalledWith(expect.objectContaining({ auth: { token: 'token-1' }, transports: ['websocket'] }));
  });
});
