import type * as Y from 'yjs';
import type { DraftEditing } from '../../shared/proposals';
import type { Logger } from '../logger';
import type { DocumentStore } from '../store/types';
import type { ClientIdOwnership } from './clientIdOwnership';
import { DerivedReads, type Derivation } from './derivedReads';
import { loadDraft } from './loadDocument';
import type { PersistenceQueue } from './persistenceQueue';
import { Room } from './room';
import type { RoomRelay } from './roomPeers';
import { DEFAULT_AWARENESS_LIMITS, type AwarenessLimits } from './validateAwareness';

export interface RoomRegistryOptions {
  documents: DocumentStore;
  persistence: PersistenceQueue;
  logger: Logger;
  ownership: ClientIdOwnership;
  snapshotEvery: number;
  idleUnloadMs: number;
  /** How long a room's Y.Doc stays built without a change before the room keeps binary state again. */
  liveDocumentIdleMs?: number;
  onDurableChange?: (draftId: string) => void;
  awarenessLimits?: AwarenessLimits;
  /** Last look at a room before it leaves memory (writes a checkpoint). */
  beforeUnload?: (room: Room) => Promise<void>;
  /** Paragraphs whose status locks them, read as a room loads (see Room.setParagraphLocked). */
  lockedParagraphIds?: (draftId: string) => Promise<Iterable<string>>;
  /** Whether delegates edit directly or make proposals only, read as a room loads (see Room.setEditing). */
  editing?: (draftId: string) => Promise<DraftEditing>;
  /** Multi-instance mode: relays each room's changes to and from the same draft's rooms on other instances. */
  relay?: RoomRelay;
}

/** Drafts whose derived reads are kept (see DerivedReads). */
const DERIVED_READ_DRAFTS = 8;

interface Entry {
  room: Promise<Room>;
  /** The room once loaded (for peeks that must not load anything). */
  loaded: Room | null;
  idleTimer: NodeJS.Timeout | null;
  /** Callers that hold the room open (connections, server-side edits). */
  holds: number;
  /** The unload under way, if any. */
  unloading: Promise<void> | null;
}

/**
 * The drafts loaded in memory. Loads each at most once at a time, keeps it while anyone
 * holds it, and unloads it (after a final snapshot) when it has been idle for a while.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly derived = new DerivedReads(DERIVED_READ_DRAFTS);

  constructor(private readonly options: RoomRegistryOptions) {}

  /** The live room of a draft, loading it if needed; call release() when done. */
  async acquire(draftId: string): Promise<Room> {
    let entry = this.entries.get(draftId);
    if (!entry) {
      entry = { room: this.load(draftId), loaded: null, idleTimer: null, holds: 0, unloading: null };
      this.entries.set(draftId, entry);
      const created = entry;
      created.room.then((room) => (created.loaded = room)).catch(() => {});
      // A failed load is forgotten so the next attempt reads the store again.
      created.room.catch(() => {
        if (this.entries.get(draftId) === created) this.entries.delete(draftId);
      });
    }
    entry.holds += 1;
    this.disarm(entry);
    try {
      return await entry.room;
    } catch (err) {
      entry.holds -= 1;
      throw err;
    }
  }

  release(draftId: string): void {
    const entry = this.entries.get(draftId);
    if (!entry) return;
    entry.holds -= 1;
    if (entry.holds > 0) return;
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      void this.unload(draftId, entry);
    }, this.options.idleUnloadMs);
    entry.idleTimer.unref();
  }

  /**
   * Runs `use` on the live room of a draft, loading it for the time of the call. The room's
   * document, once built, stays the same until the call ends (it may keep it across awaits).
   */
  withRoom<T>(draftId: string, use: (room: Room) => T | Promise<T>): Promise<T> {
    return this.whileLoaded(draftId, async (room) => {
      const letGo = room.document.hold();
      try {
        return await use(room);
      } finally {
        letGo();
      }
    });
  }

  /**
   * Runs `use` on a draft's text, loading its room for the time of the call, without making the
   * room's document live (see Room.read): for what only reads the text (views, labels, checks).
   */
  read<T>(draftId: string, use: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    return this.whileLoaded(draftId, (room) => room.read(use));
  }

  /**
   * `derive`'s result for a draft's text as it is now, like read(): from the live document if
   * there is one, otherwise worked out once per binary state and shared by the callers that ask
   * for it meanwhile (see DerivedReads), so it must not be changed.
   */
  derive<T>(draftId: string, derive: Derivation<T>): Promise<T> {
    return this.whileLoaded(draftId, (room) => {
      const state = room.document.binaryState;
      return state ? this.derived.get(draftId, state, derive, () => room.read(derive)) : room.read(derive);
    });
  }

  /** Runs `use` on a draft's room, loaded (and kept from unloading) for the time of the call. */
  private async whileLoaded<T>(draftId: string, use: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(draftId);
    try {
      return await use(room);
    } finally {
      this.release(draftId);
    }
  }

  /** The live room of a draft if it is in memory right now; never loads one. */
  peek(draftId: string): Room | null {
    return this.entries.get(draftId)?.loaded ?? null;
  }

  get loadedCount(): number {
    return this.entries.size;
  }

  /** Loaded rooms whose draft is a built Y.Doc right now (the others hold binary state). */
  get liveDocumentCount(): number {
    let live = 0;
    for (const entry of this.entries.values()) if (entry.loaded?.document.isLive) live += 1;
    return live;
  }

  /** Snapshots and unloads every room (shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.entries.entries()].map(([draftId, entry]) => this.unload(draftId, entry, true)));
  }

  private async load(draftId: string): Promise<Room> {
    const { documents, persistence, logger, ownership, snapshotEvery, liveDocumentIdleMs, onDurableChange, awarenessLimits = DEFAULT_AWARENESS_LIMITS } = this.options;
    // Listening before the store is read: what another instance saves meanwhile is in the load or relayed after it.
    const peers = await this.options.relay?.join(draftId);
    try {
      const [loaded, lockedParagraphIds, editing] = await Promise.all([
        loadDraft(documents, draftId, logger),
        this.options.lockedParagraphIds?.(draftId),
        this.options.editing?.(draftId),
      ]);
      const room = new Room({ draftId, ...loaded, snapshotEvery, liveDocumentIdleMs, persistence, documents, logger, ownership, onDurableChange, awarenessLimits, lockedParagraphIds, editing, peers });
      peers?.bind(room);
      return room;
    } catch (err) {
      peers?.leave();
      throw err;
    }
  }

  private async unload(draftId: string, entry: Entry, force = false): Promise<void> {
    this.disarm(entry);
    // One unload at a time per entry; the timer of an entry that is gone does nothing.
    while (entry.unloading) await entry.unloading;
    if (this.entries.get(draftId) !== entry || (!force && entry.holds > 0)) return;
    entry.unloading = this.saveAndDestroy(draftId, entry, force).finally(() => (entry.unloading = null));
    await entry.unloading;
  }

  private async saveAndDestroy(draftId: string, entry: Entry, force: boolean): Promise<void> {
    const room = await entry.room.catch(() => null);
    if (room) {
      await room.saveSnapshotIfBehind();
      await this.options.beforeUnload?.(room).catch((err) => this.options.logger.warn({ err, draftId }, 'before-unload hook failed'));
    }
    // Someone may have come back while the snapshot was written.
    if (!force && entry.holds > 0) return;
    // An acquire and release meanwhile armed the timer again: it must not outlive the room.
    this.disarm(entry);
    if (this.entries.get(draftId) === entry) this.entries.delete(draftId);
    this.derived.forget(draftId);
    room?.destroy();
  }

  private disarm(entry: Entry): void {
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = null;
  }
}
