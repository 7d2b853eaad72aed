import type { Plugin } from 'prosemirror-state';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ConnectionStatus } from '../collab/connectionStatus';
import { LiveRegion } from './liveRegion';
import { watchRemoteAuthors } from './remoteAuthors';
import { remoteEditText } from './remoteEditText';
import { remoteEditsPlugin } from './remoteEditsPlugin';

/** Remote edits are told at most this often: a summary of who edited what, never each keystroke. */
export const ANNOUNCE_EDITS_EVERY_MS = 4000;

const CONNECTION_TEXT: Record<ConnectionStatus, string> = {
  reconnecting: 'Connection lost, reconnecting. Your changes are kept on this device.',
  offline: 'Offline. Your changes are kept on this device and will merge when the connection returns.',
  connected: 'Connected again. Changes are shared with the other delegations.',
};

/**
 * What a screen reader hears of the room without asking (one polite live region): who edited
 * which paragraphs, summarised at most every few seconds, and each change of the connection
 * after the first connect.
 */
export class Announcements {
  private readonly region = new LiveRegion();
  readonly element = this.region.element;
  /** Gives the editor's remote changes to this announcer; add it to the editor's plugins. */
  readonly plugin: Plugin;
  private authors: string[] = [];
  private readonly pending = new Map<string | null, string[]>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private connection: ConnectionStatus | null = null;
  private wasConnected = false;
  private stopWatching: () => void = () => {};

  constructor(private readonly everyMs = ANNOUNCE_EDITS_EVERY_MS) {
    this.plugin = remoteEditsPlugin((labels) => this.edited(labels));
  }

  /** Follows who writes in `doc` (names from `awareness`), so edits are told with their delegation. */
  watch(doc: Y.Doc, awareness: Awareness): void {
    this.stopWatching();
    this.stopWatching = watchRemoteAuthors(doc, awareness, (names) => (this.authors = names));
  }

  /** Tells each change of the connection, except the first connect of the page (and the wait for it). */
  connectionChanged(status: ConnectionStatus): void {
    if (status === this.connection) return;
    this.connection = status;
    const opening = !this.wasConnected && status !== 'offline';
    if (status === 'connected') this.wasConnected = true;
    if (!opening) this.region.say(CONNECTION_TEXT[status]);
  }

  destroy(): void {
    this.stopWatching();
    if (this.timer) clearTimeout(this.timer);
  }

  private edited(labels: string[]): void {
    for (const who of this.authors.length > 0 ? this.authors : [null]) {
      const listed = this.pending.get(who) ?? [];
      this.pending.set(who, [...listed, ...labels.filter((label) => !listed.includes(label))]);
    }
    this.timer ??= setTimeout(() => this.flush(), this.everyMs);
  }

  private flush(): void {
    this.timer = null;
    const text = remoteEditText(this.pending);
    this.pending.clear();
    if (text) this.region.say(text);
  }
}
