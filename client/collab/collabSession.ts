import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { awarenessUserOf } from '../../shared/awarenessState';
import { PROSEMIRROR_FRAGMENT } from '../../shared/schema';
import { closesForGood } from './closesForGood';
import { connectionStatus, type ConnectionFacts, type ConnectionStatus } from './connectionStatus';
import { draftProvider } from './draftProvider';
import { followSaveStatus } from './followSaveStatus';
import { pauseWhileOffline } from './pauseWhileOffline';
import { RefusalStreak } from './refusalStreak';
import type { SaveStatus } from './saveStatus';

export interface CollabSessionOptions {
  draftId: string;
  /** A fresh single-use ticket for each connection attempt (POST /api/drafts/:id/ticket). */
  ticket: () => Promise<string>;
  /** ws(s)://host/yjs */
  serverUrl: string;
  /** The person shown to others beside this tab's cursor, with their delegation in this draft; null stays invisible (print view). */
  user: { id: string; delegation: string } | null;
  /** Whose offline copy this is: unsynced edits must only ever be sent with their author's tickets. */
  localCopyOwner: string;
}

export interface CollabHandlers {
  onStatus: (status: ConnectionStatus) => void;
  /**
   * The connection ends for good: the token or the draft is gone (see closesForGood), or the
   * server refused this device's edits again and again (see RefusalStreak).
   */
  onClosed: (code: number, reason: string) => void;
  /** Whether this browser's edits are saved on the server (absent: not followed). */
  onSaveStatus?: (status: SaveStatus) => void;
}


/**
 * One open draft: the Y.Doc, its copy in IndexedDB (so a reload without a
 * connection still shows the last state and offline edits survive), and the
 * websocket provider that merges it with the server whenever a connection exists.
 */
export class CollabSession {
  readonly doc = new Y.Doc();
  readonly fragment: Y.XmlFragment;
  readonly provider: WebsocketProvider;
  readonly localCopy: IndexeddbPersistence;
  private status: ConnectionStatus | null = null;
  /** The server closed the connection for good: coming back online must not reopen it. */
  private closedForGood = false;
  private readonly firstServerSync: Promise<void>;
  private readonly refreshStatus = () => this.publishStatus();
  private readonly stopFollowingNetwork: () => void;
  private readonly stopFollowingSaves: () => void = () => {};

  constructor(
    options: CollabSessionOptions,
    private readonly handlers: CollabHandlers,
  ) {
    this.fragment = this.doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
    this.localCopy = new IndexeddbPersistence(`draft:${options.draftId}:for:${options.localCopyOwner}`, this.doc);
    const refusals = new RefusalStreak();
    this.provider = draftProvider(this.doc, {
      draftId: options.draftId,
      ticket: options.ticket,
      serverUrl: options.serverUrl,
      shouldReconnect: (event) => !closesForGood(event.code) && refusals.retryAfter(event.code),
      connect: navigator.onLine,
      durableAcks: handlers.onSaveStatus !== undefined,
    });
    this.stopFollowingNetwork = pauseWhileOffline(this.provider, () => !this.closedForGood);
    if (handlers.onSaveStatus) this.stopFollowingSaves = followSaveStatus(this.provider, handlers.onSaveStatus);
    if (options.user) this.provider.awareness.setLocalStateField('user', awarenessUserOf(options.user, options.user.delegation));
    else this.provider.awareness.setLocalState(null);

    this.firstServerSync = new Promise((resolve) => {
      const onSync = (synced: boolean) => {
        if (!synced) return;
        this.provider.off('sync', onSync);
        resolve();
      };
      this.provider.on('sync', onSync);
    });
    this.provider.on('status', this.refreshStatus);
    this.provider.on('sync', this.refreshStatus);
    this.provider.on('closed', ({ code, reason }) => {
      this.closedForGood = true;
      this.handlers.onClosed(code, reason);
    });
    window.addEventListener('online', this.refreshStatus);
    window.addEventListener('offline', this.refreshStatus);
    this.publishStatus();
  }

  /**
   * Resolves once there is something true to show: the local copy if it holds the
   * draft, otherwise the server's state. Binding an editor to an empty fragment
   * earlier would let ProseMirror fill in an empty skeleton that later merges
   * with the real text as duplicate paragraphs.
   */
  async ready(): Promise<'local' | 'server'> {
    await this.localCopy.whenSynced;
    if (this.fragment.length > 0) return 'local';
    await this.firstServerSync;
    return 'server';
  }

  /** Resolves when the server's state has arrived (never, while offline). */
  serverSynced(): Promise<void> {
    return this.firstServerSync;
  }

  destroy(): void {
    this.stopFollowingNetwork();
    this.stopFollowingSaves();
    window.removeEventListener('online', this.refreshStatus);
    window.removeEventListener('offline', this.refreshStatus);
    this.provider.destroy();
    void this.localCopy.destroy();
    this.doc.destroy();
  }

  private publishStatus(): void {
    const facts: ConnectionFacts = {
      socket: this.provider.wsconnected ? 'connected' : this.provider.wsconnecting ? 'connecting' : 'disconnected',
      synced: this.provider.synced,
      browserOnline: navigator.onLine,
      failedAttempts: this.provider.wsUnsuccessfulReconnects,
    };
    const next = connectionStatus(facts);
    if (next === this.status) return;
    this.status = next;
    this.handlers.onStatus(next);
  }
}

/** The Yjs endpoint on the origin that served the page. */
export function yjsServerUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`;
}
