import { SessionRegistry, type SessionEndReason, type SessionGrant } from '../../../server/auth/sessionRegistry';

const HOUR = 3_600_000;

function grant(userId: string, registry: SessionRegistry, expiresInMs = HOUR): SessionGrant {
  const user = { id: userId, username: userId, displayName: userId, admin: false };
  return { user, expiresAt: Date.now() + expiresInMs, generation: registry.generation(userId) };
}

describe('SessionRegistry', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-03-02T09:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('ends a session at its token expiry, not before', () => {
    const registry = new SessionRegistry();
    const ended: SessionEndReason[] = [];
    registry.open(grant('kz', registry, 10_000), 'yjs', (reason) => ended.push(reason));
    jest.advanceTimersByTime(9_999);
    expect(ended).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ended).toEqual(['expired']);
    expect(registry.count('kz', 'yjs')).toBe(0);
  });

  it('waits out an expiry beyond what one setTimeout can hold (about 24.8 days)', () => {
    const registry = new SessionRegistry();
    const ended: SessionEndReason[] = [];
    registry.open(grant('kz', registry, 40 * 24 * HOUR), 'yjs', (reason) => ended.push(reason));
    jest.advanceTimersByTime(30 * 24 * HOUR);
    expect(ended).toEqual([]);
    jest.advanceTimersByTime(10 * 24 * HOUR);
    expect(ended).toEqual(['expired']);
  });

  it('ends at once a session whose token has already expired', () => {
    const registry = new SessionRegistry();
    const end = jest.fn();
    registry.open(grant('kz', registry, 0), 'socketio', end);
    expect(end).toHaveBeenCalledWith('expired');
    expect(registry.count('kz', 'socketio')).toBe(0);
  });

  it('ends every session of one user on every transport, and only that user', () => {
    const registry = new SessionRegistry();
    const kz = [jest.fn(), jest.fn(), jest.fn()];
    const eu = jest.fn();
    registry.open(grant('kz', registry), 'yjs', kz[0]);
    registry.open(grant('kz', registry), 'yjs', kz[1]);
    registry.open(grant('kz', registry), 'socketio', kz[2]);
    registry.open(grant('eu', registry), 'yjs', eu);
    expect([registry.count('kz', 'yjs'), registry.count('kz', 'socketio')]).toEqual([2, 1]);

    expect(registry.endAll('kz', 'account-removed')).toBe(3);
    for (const end of kz) expect(end).toHaveBeenCalledWith('account-removed');
    expect(eu).not.toHaveBeenCalled();
    expect(registry.count('kz', 'yjs')).toBe(0);
    expect(registry.count('eu', 'yjs')).toBe(1);
  });

  it('ends a session opened with a grant read before an access change, with that change as the reason', () => {
    const registry = new SessionRegistry();
    const stale = grant('kz', registry);
    registry.endAll('kz', 'account-removed');
    const end = jest.fn();
    registry.open(stale, 'yjs', end);
    expect(end).toHaveBeenCalledWith('account-removed');
    const fresh = jest.fn();
    registry.open(grant('kz', registry), 'yjs', fresh);
    expect(fresh).not.toHaveBeenCalled();
    expect(registry.count('kz', 'yjs')).toBe(1);
  });

  it('answersCheck forgets the sessions of one user and transport that do not answer, without ending them; the others stay', async () => {
    const registry = new SessionRegistry();
    const ends = [jest.fn(), jest.fn(), jest.fn(), jest.fn()];
    registry.open(grant('kz', registry), 'yjs', ends[0], async () => true);
    registry.open(grant('kz', registry), 'yjs', ends[1], async () => false);
    registry.open(grant('kz', registry), 'socketio', ends[2], async () => false);
    registry.open(grant('eu', registry), 'yjs', ends[3], async () => false);

    await registry.answersCheck('kz', 'yjs');
    expect([registry.count('kz', 'yjs'), registry.count('kz', 'socketio'), registry.count('eu', 'yjs')]).toEqual([1, 1, 1]);
    for (const end of ends) expect(end).not.toHaveBeenCalled();
  });

  it('answersCheck runs one check at a time per user and transport', async () => {
    const registry = new SessionRegistry();
    let answer = (_answered: boolean) => {};
    registry.open(grant('kz', registry), 'yjs', jest.fn(), () => new Promise<boolean>((resolve) => (answer = resolve)));
    const check = registry.answersCheck('kz', 'yjs');
    expect(check).not.toBeNull();
    expect(registry.answersCheck('kz', 'yjs')).toBeNull();
    expect(registry.answersCheck('kz', 'socketio')).not.toBeNull();
    answer(true);
    await check;
    expect(registry.count('kz', 'yjs')).toBe(1);
    expect(registry.answersCheck('kz', 'yjs')).not.toBeNull();
  });

  it('forgets a closed session: no expiry, no end, no count', () => {
    const registry = new SessionRegistry();
    const end = jest.fn();
    const close = registry.open(grant('kz', registry, 1_000), 'yjs', end);
    close();
    close();
    expect(registry.count('kz', 'yjs')).toBe(0);
    jest.advanceTimersByTime(2_000);
    expect(registry.endAll('kz', 'account-removed')).toBe(0);
    expect(end).not.toHaveBeenCalled();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('ends each session once, even when it expires and is ended together', () => {
    const registry = new SessionRegistry();
    const end = jest.fn();
    registry.open(grant('kz', registry, 1_000), 'yjs', end);
    registry.endAll('kz', 'account-removed');
    jest.advanceTimersByTime(2_000);
    expect(end).toHaveBeenCalledTimes(1);
  });

  describe('per negotiation', () => {
    it("ends a person's watches of one negotiation, once, and leaves their other negotiations and other people alone", () => {
      const registry = new SessionRegistry();
      const inA = jest.fn();
      const inB = jest.fn();
      const otherInA = jest.fn();
      registry.openInNegotiation('kz', 'A', registry.membershipGeneration('kz'), inA);
      registry.openInNegotiation('kz', 'B', registry.membershipGeneration('kz'), inB);
      registry.openInNegotiation('eu', 'A', registry.membershipGeneration('eu'), otherInA);
      expect(registry.endMembership('kz', 'A')).toBe(1);
      expect(registry.endMembership('kz', 'A')).toBe(0);
      expect(inA).toHaveBeenCalledTimes(1);
      expect(inB).not.toHaveBeenCalled();
      expect(otherInA).not.toHaveBeenCalled();
    });

    it('ends at once a watch whose access was checked before a membership change', () => {
      const registry = new SessionRegistry();
      const generation = registry.membershipGeneration('kz');
      registry.endMembership('kz', 'A');
      const end = jest.fn();
      registry.openInNegotiation('kz', 'A', generation, end);
      expect(end).toHaveBeenCalledTimes(1);
      expect(registry.endMembership('kz', 'A')).toBe(0);
    });

    it('forgets a watch its connection left', () => {
      const registry = new SessionRegistry();
      const end = jest.fn();
      const leave = registry.openInNegotiation('kz', 'A', registry.membershipGeneration('kz'), end);
      leave();
      expect(registry.endMembership('kz', 'A')).toBe(0);
      expect(end).not.toHaveBeenCalled();
    });
  });
});
