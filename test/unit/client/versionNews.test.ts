/** @jest-environment jsdom */
import { EventEmitter } from 'node:events';
import { followVersionNews } from '../../../client/history/versionNews';
import type { RealtimeSocket } from '../../../client/api/realtime';
import type { VersionSummary } from '../../../shared/versions';

const version = (kind: VersionSummary['kind'], name: string | null): VersionSummary => ({ id: 'v', draftId: 'd1', kind, name, createdAt: '2026-05-20T12:00:00Z', createdByName: 'Facilitator', seq: 9 });

function follow(shown: boolean) {
  const socket = new EventEmitter();
  const notices = document.createElement('div');
  const refreshHistory = jest.fn();
  const stop = followVersionNews({ socket: socket as unknown as RealtimeSocket, notices, refreshHistory, historyShown: () => shown });
  return { socket, notices, refreshHistory, stop };
}

describe('news of versions in the draft', () => {
  it('tells the browser that the facilitator restored Rev.1, once however often it is heard', () => {
    const { socket, notices, stop } = follow(false);
    socket.emit('version:created', version('restore', 'Restored Rev.1'));
    socket.emit('version:created', version('restore', 'Restored Rev.1'));
    const shown = notices.querySelectorAll('.notice-restore');
    expect(shown).toHaveLength(1);
    expect(shown[0].getAttribute('role')).toBe('status');
    expect(shown[0].textContent).toMatch(/^Facilitator restored “Rev\.1” at 20 May 2026, \d\d:00 \S+: the text is now that version/);
    shown[0].querySelector('button')!.click();
    expect(notices.children).toHaveLength(0);
    stop();
  });

  it('reloads the History list while it is shown, for versions made by others too, and stops when told', () => {
    const open = follow(true);
    open.socket.emit('version:created', version('named', 'Rev.2'));
    expect(open.refreshHistory).toHaveBeenCalledTimes(1);
    expect(open.notices.children).toHaveLength(0);
    open.stop();
    open.socket.emit('version:created', version('auto', null));
    expect(open.refreshHistory).toHaveBeenCalledTimes(1);

    const hidden = follow(false);
    hidden.socket.emit('version:created', version('named', 'Rev.2'));
    expect(hidden.refreshHistory).not.toHaveBeenCalled();
    hidden.stop();
  });
});
