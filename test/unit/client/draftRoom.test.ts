import { EventEmitter } from 'node:events';
import { joinDraftRoom } from '../../../client/api/draftRoom';
import type { RealtimeSocket } from '../../../client/api/realtime';
import type { DraftAccess } from '../../../shared/negotiations';

const ACCESS: DraftAccess = { negotiationId: 'a', negotiationName: 'CCPCJ', role: 'observer', delegation: 'Secretariat' };

/** A connected socket whose `draft:join` is answered with `ack`. */
function socketAnswering(ack: unknown) {
  const socket = Object.assign(new EventEmitter(), {
    connected: true,
    emit: jest.fn(),
    timeout: () => ({ emit: (_event: string, _payload: unknown, callback: (err: Error | null, response: unknown) => void) => callback(null, ack) }),
  });
  return socket as unknown as RealtimeSocket;
}

describe('joinDraftRoom', () => {
  it("hands on the access that the join's acknowledgement carries", () => {
    const onAccess = jest.fn();
    const onLive = jest.fn();
    const leave = joinDraftRoom(socketAnswering({ ok: true, access: ACCESS }), 'd1', { onPeople: () => {}, onLive, onUnauthorized: () => {}, onAccess });
    expect(onLive).toHaveBeenCalledWith(true);
    expect(onAccess).toHaveBeenCalledWith(ACCESS);
    leave();
  });

  it('reports a refused join (not a member) as not live, with no access', () => {
    const onAccess = jest.fn();
    const onLive = jest.fn();
    const leave = joinDraftRoom(socketAnswering({ ok: false, error: 'no such draft' }), 'd1', { onPeople: () => {}, onLive, onUnauthorized: () => {}, onAccess });
    expect(onLive).toHaveBeenCalledWith(false);
    expect(onAccess).not.toHaveBeenCalled();
    leave();
  });
});
