import { connectionStatus, OFFLINE_AFTER_FAILED_ATTEMPTS, type ConnectionFacts } from '../../../client/collab/connectionStatus';

const base: ConnectionFacts = { socket: 'connected', synced: true, browserOnline: true, failedAttempts: 0 };

describe('connectionStatus', () => {
  it('is connected once the socket is open and the first sync is done', () => {
    expect(connectionStatus(base)).toBe('connected');
    expect(connectionStatus({ ...base, synced: false })).toBe('reconnecting');
  });

  it('is reconnecting while attempts are still expected to succeed', () => {
    expect(connectionStatus({ ...base, socket: 'connecting', synced: false, failedAttempts: 1 })).toBe('reconnecting');
  });

  it('is offline when the browser says so or the server stays unreachable', () => {
    expect(connectionStatus({ ...base, browserOnline: false })).toBe('offline');
    expect(
      connectionStatus({ ...base, socket: 'connecting', synced: false, failedAttempts: OFFLINE_AFTER_FAILED_ATTEMPTS }),
    ).toBe('offline');
  });
});
