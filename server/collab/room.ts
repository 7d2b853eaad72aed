import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DraftEditing } from '../../shared/proposals';
import { canEditText } from '../../shared/roles';
import type { Logger } from '../logger';
import type { DocumentStore } from '../store/types';
import type { ClientIdOwnership } from './clientIdOwnership';
import { CoalescedBroadcast } from './coalescedBroadcast';
import type { CollabConnection } from './connection';
import { encodeAwarenessEntries } from './awarenessEntries';
import { awarenessOwner } from './awarenessOwner';
import { awarenessMessage, awarenessRemovedMessage, durableMessage, syncStep1Message, syncStep2Message } from './messages';
import { isUpdateOrigin, RELAYED, SERVER_AUTHOR_ID, type UpdateOrigin } from './origin';
import { ProtocolError, type ClientMessage } from './parseMessage';
import type { PersistenceQueue } from './persistenceQueue';
import { validateAwareness, type AwarenessContext, type AwarenessLimits } from './validateAwareness';
import { UnavailableError } from './unavailableError';
import { validateUpdate } from './validateUpdate';
import { ClientUpdate } from './clientUpdate';
import { assertUpdateFitsSchema } from './validateContent';
import { lockedRegionsTouched } from './lockedRegions';
import { lockedRegionsFor } from './lockPolicy';
import { RegionSnapshot } from './regionSnapshot';
import { RoomDocument, type DraftContent } from './roomDocument';
import type { RoomControl } from './roomControl';
import type { RoomPeers } from './roomPeers';
import { StoredSeqWatermark } from './storedSeqWatermark';

/** Client ids new to the server one connection may name (see Room.claim). */
const MAX_NEW_CLIENT_IDS_PER_CONNECTION = 256;
const DEFAULT_LIVE_DOCUMENT_IDLE_MS = 30_000;

export interface RoomOptions {
  draftId: string;
  /** The draft as loaded: binary state (no Y.Doc until one is needed) or a document. */
  content: DraftContent;
  /** How long the document stays built without a change (then the room keeps binary state); 30 s when left out. */
  liveDocumentIdleMs?: number;
  /** Every log entry with seq <= this is contained in the loaded state (a load has no holes). */
  lastSeq: number;
  /** Log entries after the stored snapshot at load time. */
  updatesSinceSnapshot: number;
  snapshotEvery: number;
  persistence: PersistenceQueue;
  documents: DocumentStore;
  logger: Logger;
  /** Which user each Yjs client id belongs to (shared by all rooms). */
  ownership: ClientIdOwnership;
  /** Told after each change became durable (schedules automatic checkpoints). */
  onDurableChange?: (draftId: string) => void;
  awarenessLimits: AwarenessLimits;
  /** Paragraphs whose status locks them when the room loads (see setParagraphLocked). */
  lockedParagraphIds?: Iterable<string>;
  /** Whether delegates edit directly or make proposals only, when the room loads (see setEditing). */
  editing?: DraftEditing;
  /** The draft's rooms on other instances (multi-instance mode only). */
  peers?: RoomPeers;
}

/**
 * One draft's live document: applies clients' updates, has them saved, relays them to the
 * other clients once durable, and keeps the awareness (cursors) of everyone connected.
 * Every change goes through the Y.Doc with a typed origin (see origin.ts); the Y.Doc exists only
 * while someone changes the draft or reads it through `doc` (see roomDocument.ts).
 */
export class Room {
  readonly draftId: string;
  readonly document: RoomDocument;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<CollabConnection>();
  private readonly durableUpdates = new CoalescedBroadcast(() => this.connections);
  /** What a snapshot may claim to contain: see noteStoredSeq. */
  private readonly stored: StoredSeqWatermark;
  private updatesSinceSnapshot: number;
  private snapshotRunning: Promise<void> | null = null;
  /** Counts the document's changes, so a capture can tell whether any came in while it waited. */
  private changes = 0;
  /** Paragraph ids no client update may change; kept in step with the status store by the status service. */
  private readonly lockedParagraphs: Set<string>;
  /** Delegates' rule; kept in step with the draft record by the editing service. */
  private editingRule: DraftEditing;

  constructor(private readonly options: RoomOptions) {
    this.draftId = options.draftId;
    this.stored = new StoredSeqWatermark(options.lastSeq);
    this.updatesSinceSnapshot = options.updatesSinceSnapshot;
    this.lockedParagraphs = new Set(options.lockedParagraphIds ?? []);
    this.editingRule = options.editing ?? 'direct';
    this.awareness = new awarenessProtocol.Awareness(awarenessOwner());
    // The server takes part in no awareness itself.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.document = new RoomDocument(options.content, { listen: this.listen, idleMs: options.liveDocumentIdleMs ?? DEFAULT_LIVE_DOCUMENT_IDLE_MS });
    // A long log tail read intact is compacted at once, from the binary state (a load that left damaged records out waits for edits, as before).
    if (!this.document.isLive && this.updatesSinceSnapshot >= options.snapshotEvery) void this.snapshot();
  }

  /** The draft's live Y.Doc, built from the binary state if the room holds none (see RoomDocument). */
  get doc(): Y.Doc {
    return this.document.doc;
  }

  /** Runs `use` on the draft's text without making the room live (see RoomDocument.read): for what only reads it. */
  read<T>(use: (doc: Y.Doc) => T): T {
    return this.document.read(use);
  }

  /** Greets a new connection: our state vector, then everyone's cursors. */
  join(connection: CollabConnection): void {
    this.connections.add(connection);
    connection.socket.send(syncStep1Message(this.document.stateVector));
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
   * Synchronous except for a sync step 1, which waits until what it answers with is durable, and
   * for the first frame that uses a client id this server has not seen (claimed in the store).
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

  /**
   * Takes effect for the very next frame: a status change locks or unlocks a paragraph. Resolves
   * once the other instances' rooms were sent the change (at once on a single instance).
   */
  setParagraphLocked(paragraphId: string, locked: boolean): Promise<void> {
    return this.applyAndTellPeers({ type: 'paragraph-locked', paragraphId, locked });
  }

  /** Takes effect for the very next frame: in `proposals`, a delegate's text edits are put back. Resolves as setParagraphLocked. */
  setEditing(editing: DraftEditing): Promise<void> {
    return this.applyAndTellPeers({ type: 'editing', editing });
  }

  /** A lock or rule change on this instance only: one another instance's room relayed. */
  applyControl(control: RoomControl): void {
    if (control.type === 'editing') this.editingRule = control.editing;
    else if (control.locked) this.lockedParagraphs.add(control.paragraphId);
    else this.lockedParagraphs.delete(control.paragraphId);
  }

  /** Replaces the locks and the rule with the stored ones (a room that may have missed relayed changes). */
  applyStoredRules(lockedParagraphIds: Iterable<string>, editing: DraftEditing): void {
    this.lockedParagraphs.clear();
    for (const id of lockedParagraphIds) this.lockedParagraphs.add(id);
    this.editingRule = editing;
  }

  private async applyAndTellPeers(control: RoomControl): Promise<void> {
    this.applyControl(control);
    await this.options.peers?.control(control);
  }

  get editing(): DraftEditing {
    return this.editingRule;
  }

  /**
   * Tells the room that the log entry with this seq is in its state: an update another instance
   * stored, called once it has been applied here (the relay does so). With its own writes and
   * what it loaded, these move the watermark its snapshots claim (see storedSeqWatermark.ts).
   */
  noteStoredSeq(seq: number): void {
    this.stored.note(seq);
  }

  /** The highest seq S such that the room's state contains every log entry with seq <= S. */
  get storedSeqWatermark(): number {
    return this.stored.value;
  }

  /** Whether a status locks the paragraph now (what every edit of it is checked against). */
  isParagraphLocked(paragraphId: string): boolean {
    return this.lockedParagraphs.has(paragraphId);
  }

  /**
   * The current state, returned once all of it is durable, with the log position it covers:
   * encoded first, so edits applied while the write completes (not yet durable) are not in it.
   */
  async captureDurableState(): Promise<{ state: Uint8Array; seq: number }> {
    const captured = this.capture();
    await this.options.persistence.barrier();
    return { state: captured.state, seq: captured.seq() };
  }

  /** Writes a snapshot when the log grew since the last one, e.g. before unloading. */
  async saveSnapshotIfBehind(): Promise<void> {
    await this.options.persistence.barrier();
    if (this.updatesSinceSnapshot > 0) await this.snapshot();
  }

  destroy(): void {
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.document.destroy();
    this.options.peers?.leave();
  }

  /**
   * Answer only with durable state: nobody may see an update that could still be lost. The
   * wait is bounded (UnavailableError: the client comes back later). The answer comes with
   * what is durable, so a client whose edits were all saved before it reconnected learns so.
   */
  private async answerSyncStep1(connection: CollabConnection, stateVector: Uint8Array): Promise<void> {
    const answer = syncStep2Message(this.document.diff(stateVector));
    const durableOnceWritten = this.document.stateVector;
    await this.options.persistence.boundedBarrier();
    connection.socket.send(answer);
    if (connection.durableAcks) connection.socket.send(durableMessage(durableOnceWritten));
  }

  /**
   * The validation pipeline of a client's update (see docs/DESIGN.md): every client id it
   * writes with belongs to its sender, and it depends only on changes the document has, or
   * on the sender's own changes still on their way (then it is held, see HeldUpdates).
   * Synchronous unless a client id is new to this server and must be claimed first.
   */
  private applyClientUpdate(connection: CollabConnection, frame: Uint8Array): void | Promise<void> {
    const { user } = connection;
    if (!canEditText(user.role)) {
      this.options.logger.debug({ draftId: this.draftId, user: user.id }, 'dropped update from observer');
      return;
    }
    if (!this.options.persistence.accepts(user.id)) {
      throw new UnavailableError('saving is behind; keep your edits and come back later');
    }
    const update = connection.held.with(frame);
    // A reader's sync step 2 adds nothing: taken without building the document.
    if (this.document.addsNothing(update)) return;
    // Decoded once; each check below reads the same structs and placements.
    const read = new ClientUpdate(this.doc, update);
    const { writes, missing } = validateUpdate(read);
    // The ids it waits for too: its sender's own are held for, and after a restart (or for offline
    // text of an earlier page load) the server learns only from the store whose they are.
    const claiming = this.claim([...writes, ...missing], connection);
    if (claiming) return claiming.then(() => this.applyClientUpdate(connection, frame));
    const foreign = writes.find((client) => this.options.ownership.ownerOf(client) !== user.id);
    if (foreign !== undefined) throw new ProtocolError(`client id ${foreign} belongs to another user`);
    if (missing.size > 0) {
      const others = [...missing].filter((client) => this.options.ownership.ownerOf(client) !== user.id);
      if (others.length > 0) throw new ProtocolError(`update depends on changes the server does not have (client ${others[0]})`);
      connection.held.hold(update);
      return;
    }
    assertUpdateFitsSchema(read);
    connection.held.clear();
    const locked = this.lockedRegionsChangedBy(connection, read);
    this.integrate(connection, update);
    if (locked.length > 0) this.putBack(connection, locked);
  }

  /** Snapshots of the locked elements (agreed paragraphs, the heading, a proposals-only draft's paragraphs) the update would change. */
  private lockedRegionsChangedBy(connection: CollabConnection, update: ClientUpdate): RegionSnapshot[] {
    const isLocked = lockedRegionsFor(connection.user.role, this.lockedParagraphs, this.editingRule);
    if (!isLocked) return [];
    return [...lockedRegionsTouched(update, isLocked)].map(([element, scope]) => new RegionSnapshot(element, scope));
  }

  /**
   * Accept and compensate: the update is applied (its sender's document and ours stay the same
   * history, so an honest client that typed as the lock came in converges, connected), then the
   * server puts the locked elements back in one change of its own, relayed to everyone.
   */
  private putBack(connection: CollabConnection, snapshots: RegionSnapshot[]): void {
    let restored = 0;
    this.changeAsServer(SERVER_AUTHOR_ID, () => {
      for (const snapshot of snapshots) if (snapshot.restore()) restored += 1;
    });
    this.options.logger.warn({ draftId: this.draftId, user: connection.user.id, restored, editing: this.editingRule }, 'update changed locked text; reverted');
  }

  /** Applies a complete update; anything left pending in Yjs' store would be a bug in the checks above. */
  private integrate(connection: CollabConnection, update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, { source: 'client', connection } satisfies UpdateOrigin);
    } catch (err) {
      throw new ProtocolError(`update refused by Yjs: ${(err as Error).message}`);
    }
    const { store } = this.doc;
    if (store.pendingStructs || store.pendingDs) {
      this.options.logger.error({ draftId: this.draftId, user: connection.user.id }, 'update left changes pending; dropped them');
      store.pendingStructs = null;
      store.pendingDs = null;
      throw new ProtocolError('update depends on changes the server does not have');
    }
  }

  /**
   * Validates and stamps the frame's states before any of it is applied (see validateAwareness).
   * The client ids a connection announces are claimed for its user, as its updates' are: a
   * client announces its id before it types, so nobody who saw the cursor can write under that
   * id first and have the owner's edits refused.
   */
  private applyAwareness(connection: CollabConnection, update: Uint8Array): void | Promise<void> {
    const { accepted, roomFull, behind } = validateAwareness(update, this.awarenessContext(connection), this.options.awarenessLimits);
    if (roomFull.length > 0) {
      this.options.logger.warn({ draftId: this.draftId, user: connection.user.id, clientIds: roomFull }, 'awareness left out: room is full');
    }
    const claiming = this.claim(accepted.map((entry) => entry.clientId), connection);
    // Validated again once claimed: an id that turned out to be someone else's is dropped.
    if (claiming) return claiming.then(() => this.applyAwareness(connection, update));
    // y-protocols would ignore these states; told the room's clock, a stock client announces again above it.
    if (behind.length > 0) connection.socket.send(awarenessRemovedMessage(behind));
    if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(accepted), connection);
  }

  /**
   * Claims client ids for the connection's user; a store that fails to answer is an outage
   * (4503), not a bad frame. A browser tab uses one id, a sync after offline page loads a few:
   * a connection that names hundreds is filling the store, not editing.
   */
  private claim(clientIds: number[], connection: CollabConnection): Promise<void> | null {
    const unknown = clientIds.filter((id) => this.options.ownership.ownerOf(id) === undefined).length;
    connection.claimedClientIds += unknown;
    if (connection.claimedClientIds > MAX_NEW_CLIENT_IDS_PER_CONNECTION) throw new ProtocolError('too many new client ids on one connection');
    const claiming = this.options.ownership.claim(clientIds, connection.user.id);
    return (
      claiming?.catch((err) => {
        this.options.logger.error({ err, draftId: this.draftId, user: connection.user.id }, 'claiming client ids failed');
        throw new UnavailableError('saving is failing; keep your edits and come back later');
      }) ?? null
    );
  }

  private awarenessContext(connection: CollabConnection): AwarenessContext {
    return {
      user: connection.user,
      announced: connection.awarenessIds,
      isHeldByOther: (clientId) => {
        for (const other of this.connections) if (other !== connection && other.awarenessIds.has(clientId)) return true;
        return false;
      },
      ownerOf: (clientId) => this.options.ownership.ownerOf(clientId),
      clockOf: (clientId) => this.awareness.meta.get(clientId)?.clock,
      roomStates: this.awareness.getStates(),
    };
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    const typed = isUpdateOrigin(origin) ? origin : null;
    if (typed?.source === 'store') return;
    // Durable already (another instance saved it): shown to everyone here, saved and relayed by no one again.
    if (typed?.source === 'relay') return this.durableUpdates.add(update, null);
    const sender = typed?.source === 'client' ? typed.connection : null;
    const authorId = sender ? sender.user.id : typed?.source === 'server' ? typed.authorId : SERVER_AUTHOR_ID;
    this.updatesSinceSnapshot += 1;
    // Only the sender waits to hear that its own edit is saved (a pure deletion moves no clock).
    const clocks = sender?.durableAcks ? changedClocks(transaction) : null;
    void this.options.persistence
      .enqueue({ draftId: this.draftId, update, authorId, at: new Date().toISOString() })
      .then((stored) => {
        this.stored.note(stored.seq);
        this.durableUpdates.add(update, sender);
        this.options.peers?.update(update, stored.seq);
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
      // A re-announced id comes as `updated`. Ids stay announced after a removal, so a
      // connection cannot cycle through ids.
      added.concat(updated).forEach((id) => connection.awarenessIds.add(id));
    }
    this.broadcast(awarenessMessage(this.awareness, changed), null);
    // Every instance times out stale states on its own.
    if (origin !== RELAYED && origin !== 'timeout') this.options.peers?.awareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
  };

  private broadcast(message: Uint8Array, except: CollabConnection | null): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.socket.send(message);
    }
  }

  private readonly countChange = (): void => {
    this.changes += 1;
  };

  private readonly listen = (doc: Y.Doc): (() => void) => {
    doc.on('update', this.onDocUpdate);
    doc.on('update', this.countChange);
    return () => {
      doc.off('update', this.onDocUpdate);
      doc.off('update', this.countChange);
    };
  };

  /**
   * The state now, and the watermark it covers once what was enqueued so far is durable:
   * exact when no change came in meanwhile, otherwise the watermark at capture time (lower,
   * which only makes a load replay a few entries it already has; Yjs updates are idempotent).
   */
  private capture(): { state: Uint8Array; seq: () => number } {
    const state = this.document.encodeState();
    const [changes, seq] = [this.changes, this.stored.value];
    return { state, seq: () => (this.changes === changes ? this.stored.value : seq) };
  }

  /** Compacts in the background: one snapshot at a time, never blocking the relay; saved once all it holds is durable. */
  private snapshot(): Promise<void> {
    if (this.snapshotRunning) return this.snapshotRunning;
    const covered = this.updatesSinceSnapshot;
    const captured = this.capture();
    this.snapshotRunning = this.options.persistence
      .barrier()
      .then(() => this.options.documents.saveSnapshot(this.draftId, { state: captured.state, seq: captured.seq() }))
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

/** The clocks a transaction moved, where they ended (what Y.parseUpdateMeta(update).to reads, without decoding the update again). */
function changedClocks(transaction: Y.Transaction): Map<number, number> {
  const clocks = new Map<number, number>();
  transaction.afterState.forEach((clock, client) => {
    if (clock !== (transaction.beforeState.get(client) ?? 0)) clocks.set(client, clock);
  });
  return clocks;
}
