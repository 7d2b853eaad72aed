import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { canEditText } from '../../shared/roles';
import type { Logger } from '../logger';
import type { DocumentStore } from '../store/types';
import type { CollabConnection } from './connection';
import { awarenessMessage, durableMessage, syncStep1Message, syncStep2Message, updateMessage } from './messages';
import { isUpdateOrigin, type UpdateOrigin } from './origin';
import { ProtocolError, type ClientMessage } from './parseMessage';
import type { PersistenceQueue } from './persistenceQueue';
import { UnavailableError } from './unavailableError';
import { validateUpdate } from './validateUpdate';

export interface RoomOptions {
  draftId: string;
  doc: Y.Doc;
  /** Seq of the newest log entry contained in the loaded state. */
  lastSeq: number;
  /** Log entries after the stored snapshot at load time. */
  updatesSinceSnapshot: number;
  snapshotEvery: number;
  persistence: PersistenceQueue;
  documents: DocumentStore;
  logger: Logger;
  /** Told after each change became durable (schedules automatic checkpoints). */
  onDurableChange?: (draftId: string) => void;
}

/**
 * One draft's live document: applies clients' updates, has them saved, relays them to the
 * other clients once durable, and keeps the awareness (cursors) of everyone connected.
 * Every change goes through the Y.Doc with a typed origin (see origin.ts).
 */
export class Room {
  readonly draftId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<CollabConnection>();
  private lastSeq: number;
  private updatesSinceSnapshot: number;
  private snapshotRunning: Promise<void> | null = null;

  constructor(private readonly options: RoomOptions) {
    this.draftId = options.draftId;
    this.doc = options.doc;
    this.lastSeq = options.lastSeq;
    this.updatesSinceSnapshot = options.updatesSinceSnapshot;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server takes part in no awareness itself.
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Greets a new connection: our state vector, then everyone's cursors. */
  join(connection: CollabConnection): void {
    this.connections.add(connection);
    connection.socket.send(syncStep1Message(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.socket.send(awarenessMessage(this.awareness, states));
  }

  leave(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) return;
    const ids = [...connection.awarenessIds];
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /**
   * Handles one decoded frame; throws ProtocolError when the client must be disconnected.
   * Synchronous except for a sync step 1, which waits until what it answers with is durable.
   */
  receive(connection: CollabConnection, message: ClientMessage): void | Promise<void> {
    switch (message.type) {
      case 'sync-step1':
        return this.answerSyncStep1(connection, message.stateVector);
      case 'update':
        return this.applyClientUpdate(connection, message.update);
      case 'awareness':
        return this.applyAwareness(connection, message.update);
      case 'query-awareness':
        connection.socket.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
    }
  }

  /**
   * Makes a change as the server on behalf of `authorId` (a restore, for instance): saved,
   * attributed and relayed to every client like any other edit.
   */
  changeAsServer(authorId: string, change: (doc: Y.Doc) => void): void {
    this.doc.transact(() => change(this.doc), { source: 'server', authorId } satisfies UpdateOrigin);
  }

  /** The current state once everything applied so far is durable, with the log position it covers. */
  async captureDurableState(): Promise<{ state: Uint8Array; seq: number }> {
    await this.options.persistence.barrier();
    return { state: Y.encodeStateAsUpdate(this.doc), seq: this.lastSeq };
  }

  /** Writes a snapshot when the log grew since the last one, e.g. before unloading. */
  async saveSnapshotIfBehind(): Promise<void> {
    await this.options.persistence.barrier();
    if (this.updatesSinceSnapshot > 0) await this.snapshot();
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /**
   * Answer only with durable state: nobody may see an update that could still be lost. The
   * wait is bounded (UnavailableError: the client comes back later). The answer comes with
   * what is durable, so a client whose edits were all saved before it reconnected learns so.
   */
  private async answerSyncStep1(connection: CollabConnection, stateVector: Uint8Array): Promise<void> {
    const durableOnceWritten = Y.encodeStateVector(this.doc);
    await this.options.persistence.boundedBarrier();
    connection.socket.send(syncStep2Message(this.doc, stateVector));
    if (connection.durableAcks) connection.socket.send(durableMessage(durableOnceWritten));
  }

  private applyClientUpdate(connection: CollabConnection, update: Uint8Array): void {
    if (!canEditText(connection.user.role)) {
      this.options.logger.debug({ draftId: this.draftId, user: connection.user.id }, 'dropped update from observer');
      return;
    }
    if (!this.options.persistence.accepts(connection.user.id)) {
      throw new UnavailableError('saving is behind; keep your edits and come back later');
    }
    validateUpdate(this.doc, update);
    try {
      Y.applyUpdate(this.doc, update, { source: 'client', connection } satisfies UpdateOrigin);
    } catch (err) {
      throw new ProtocolError(`update refused by Yjs: ${(err as Error).message}`);
    }
  }

  private applyAwareness(connection: CollabConnection, update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
    } catch {
      throw new ProtocolError('malformed awareness update');
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const typed = isUpdateOrigin(origin) ? origin : null;
    if (typed?.source === 'store') return;
    const sender = typed?.source === 'client' ? typed.connection : null;
    const authorId = sender ? sender.user.id : typed?.source === 'server' ? typed.authorId : 'system';
    this.updatesSinceSnapshot += 1;
    void this.options.persistence
      .enqueue({ draftId: this.draftId, update, authorId, at: new Date().toISOString() })
      .then((stored) => {
        this.lastSeq = Math.max(this.lastSeq, stored.seq);
        this.broadcast(updateMessage(update), sender);
        // Only the sender waits to hear that its own edit is saved (a pure deletion moves no clock).
        const clocks = sender?.durableAcks ? Y.parseUpdateMeta(update).to : null;
        if (sender && clocks?.size) sender.socket.send(durableMessage(clocks));
        this.options.onDurableChange?.(this.draftId);
        if (this.updatesSinceSnapshot >= this.options.snapshotEvery) void this.snapshot();
      });
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    if (origin && this.connections.has(origin as CollabConnection)) {
      const connection = origin as CollabConnection;
      added.forEach((id) => connection.awarenessIds.add(id));
      removed.forEach((id) => connection.awarenessIds.delete(id));
      this.stampIdentity(connection, added.concat(updated));
    }
    this.broadcast(awarenessMessage(this.awareness, changed), null);
  };

  /**
   * A cursor label is attribution too: whatever name a client puts in its awareness `user`,
   * the others see the delegation the server authenticated (the relay encodes these states).
   */
  private stampIdentity(connection: CollabConnection, ids: number[]): void {
    const states = this.awareness.getStates();
    for (const id of ids) {
      const state = states.get(id);
      if (state && typeof state.user === 'object' && state.user !== null) {
        state.user = { ...state.user, name: connection.user.delegation, userId: connection.user.id };
      }
    }
  }

  private broadcast(message: Uint8Array, except: CollabConnection | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.socket.send(message);
    }
  }

  /** Compacts in the background: one snapshot at a time, never blocking the relay. */
  private snapshot(): Promise<void> {
    if (this.snapshotRunning) return this.snapshotRunning;
    const covered = this.updatesSinceSnapshot;
    const snapshot = { state: Y.encodeStateAsUpdate(this.doc), seq: this.lastSeq };
    this.snapshotRunning = this.options.documents
      .saveSnapshot(this.draftId, snapshot)
      .then(() => {
        this.updatesSinceSnapshot -= covered;
      })
      .catch((err) => this.options.logger.warn({ err, draftId: this.draftId }, 'snapshot failed; log still complete'))
      .finally(() => {
        this.snapshotRunning = null;
      });
    return this.snapshotRunning;
  }
}
