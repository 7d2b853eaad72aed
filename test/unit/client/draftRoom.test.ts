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
    const room = joinDraftRoom(socketAnswering({ ok: true, access: ACCESS }), 'd1', { onPeople: () => {}, onLive, onUnauthorized: () => {}, onAccess });
    expect(onLive).toHaveBeenCalledWith(true);
    expect(onAccess).toHaveBeenCalledWith(ACCESS);
    room.leave();
  });

  it('reports a refused join (not a member) as not live, with no access', () => {
    const onAccess = jest.fn();
    const onLive = jest.fn();
    const room = joinDraftRoom(socketAnswering({ ok: false, error: 'no such draft' }), 'd1', { onPeople: () => {}, onLive, onUnauthorized: () => {}, onAccess });
    expect(onLive).toHaveBeenCalledWith(false);
    expect(onAccess).not.toHaveBeenCalled();
    room.leave();
  });
});

/** A room joined through a socket whose `draft:join` acknowledgements the test gives (or times out) itself, in any order. */
function joinHeld() {
  const answers: Array<(err: Error | null, response?: unknown) => void> = [];
  const socket = Object.assign(new EventEmitter(), {
    connected: true,
    emit: jest.fn(),
    timeout: () => ({ emit: (_event: string, _payload: unknown, callback: (err: Error | null, response?: unknown) => void) => answers.push(callback) }),
  });
  const onJoin = jest.fn();
  const onLive = jest.fn();
  const room = joinDraftRoom(socket as typeof socket & RealtimeSocket, 'd1', { onPeople: () => {}, onLive, onUnauthorized: () => {}, onJoin });
  return { socket, answers, onJoin, onLive, room };
}

describe('joinDraftRoom: how each join stands', () => {
  it('reports a join as waiting, then answered', () => {
    const { answers, onJoin, room } = joinHeld();
    expect(onJoin.mock.calls).toEqual([['waiting']]);
    answers[0](null, { ok: true, access: ACCESS });
    expect(onJoin.mock.calls).toEqual([['waiting'], ['answered']]);
    room.leave();
  });

  it('reports a join the server never answered while connected, and joins again on retry', () => {
    const { answers, onJoin, onLive, room } = joinHeld();
    answers[0](new Error('operation has timed out'));
    expect(onJoin).toHaveBeenLastCalledWith('no-answer');
    expect(onLive).toHaveBeenLastCalledWith(false);
    room.retry();
    expect(answers).toHaveLength(2);
    expect(onJoin).toHaveBeenLastCalledWith('waiting');
    answers[1](null, { ok: true, access: ACCESS });
    expect(onJoin).toHaveBeenLastCalledWith('answered');
    expect(onLive).toHaveBeenLastCalledWith(true);
    room.leave();
  });

  it('leaves a join that timed out without a connection to the reconnect', () => {
    const { socket, answers, onJoin, room } = joinHeld();
    socket.connected = false;
    answers[0](new Error('operation has timed out'));
    expect(onJoin.mock.calls).toEqual([['waiting']]);
    room.leave();
  });

  it('ignores the answer of a join superseded by a later one', () => {
    const { socket, answers, onJoin, onLive, room } = joinHeld();
    // Reconnected before the first join was answered: socket.io joins again.
    EventEmitter.prototype.emit.call(socket, 'connect');
    answers[1](null, { ok: true, access: ACCESS });
    onJoin.mockClear();
    onLive.mockClear();
    answers[0](new Error('operation has timed out'));
    expect(onJoin).not.toHaveBeenCalled();
    expect(onLive).not.toHaveBeenCalled();
    room.leave();
  });

  it('tells a page that left the room nothing of a join answered after', () => {
    const { answers, onJoin, onLive, room } = joinHeld();
    room.leave();
    onJoin.mockClear();
    answers[0](null, { ok: true, access: ACCESS });
    expect(onJoin).not.toHaveBeenCalled();
    expect(onLive).not.toHaveBeenCalled();
  });
});
