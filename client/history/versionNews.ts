import type { VersionSummary } from '../../shared/versions';
import { restoredFrom } from '../../shared/restoredName';
import type { RealtimeSocket } from '../api/realtime';
import { h } from '../app/dom';
import { zonedTime } from '../app/time';

export interface VersionNewsOptions {
  socket: Pick<RealtimeSocket, 'on' | 'off'>;
  /** Reloads the History list; called for every new version while it is shown. */
  refreshHistory: () => void;
  historyShown: () => boolean;
  /** Where the announcement of a restore goes, above the text. */
  notices: HTMLElement;
}

/**
 * Follows the versions made in the draft's room: the History list stays live in every browser,
 * and a restore, which replaced the text everyone was typing in, is announced to all of them.
 * Returns what stops following.
 */
export function followVersionNews(options: VersionNewsOptions): () => void {
  const heard = (version: VersionSummary) => {
    if (options.historyShown()) options.refreshHistory();
    if (version.kind === 'restore') announceRestore(options.notices, version);
  };
  options.socket.on('version:created', heard);
  return () => options.socket.off('version:created', heard);
}

function announceRestore(notices: HTMLElement, version: VersionSummary): void {
  notices.querySelector('.notice-restore')?.remove();
  const who = version.createdByName ?? 'The facilitator';
  const what = version.name ? `“${restoredFrom(version.name)}”` : 'an earlier version';
  const notice = h(
    'p',
    { class: 'notice notice-restore', attrs: { role: 'status' } },
    `${who} restored ${what} at ${zonedTime(version.createdAt)}: the text is now that version, and words typed just before may be gone. History compares it with what came before. `,
    h('button', { class: 'button-link', attrs: { type: 'button' }, on: { click: () => notice.remove() } }, 'Dismiss'),
  );
  notices.append(notice);
}
