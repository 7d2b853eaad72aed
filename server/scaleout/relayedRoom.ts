import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DraftEditing } from '../../shared/proposals';
import type { Logger } from '../logger';
import type { DocumentStore, StoredUpdate } from '../store/types';
import { RELAYED } from '../collab/origin';
import type { Room } from '../collab/room';
import type { RoomControl } from '../collab/roomControl';
import type { JoinedPeers } from '../collab/roomPeers';
import type { ChannelHandler, RedisLink } from './redisLink';
import { decodeRelayMessage, draftChannel, encodeRelayMessage, type RelayBody, type RelayMessage } from './relayMessage';

/** What every draft's relay shares (see YjsRelay). */
export interface RelayContext {
  link: RedisLink;
  instanceId: string;
  documents: DocumentStore;
  logger: Logger;
  /** Longest wait for Redis to confirm a subscription before a room loads anyway (a resync follows when Redis returns). */
  subscribeWaitMs: number;
  /** The draft's stored paragraph locks and editing rule (what a room reads as it loads). */
  storedRules: (draftId: string) => Promise<{ lockedParagraphIds: Iterable<string>; editing: DraftEditing }>;
  onRelayLatency?: (seconds: number) => void;
}

/**
 * One loaded draft's link to its rooms on the other instances, through the draft's Redis channel.
 * Listens before the room loads and keeps what arrives until the room is bound (Yjs updates are
 * idempotent, so one both in the load and relayed does no harm); then applies relayed updates and
 * awareness with the RELAYED origin (shown to local clients, not saved, not relayed again).
 */
export class RelayedRoom implements JoinedPeers {
  private readonly channel: string;
  private room: Room | null = null;
  private waiting: RelayMessage[] = [];
  private left = false;
  private resyncing: Promise<void> | null = null;
  private resyncAgain = false;
  /** Controls relayed while a resync reads the stored rules: applied again over what it read. */
  private controlsDuringResync: RoomControl[] = [];

  constructor(
    readonly draftId: string,
    private readonly context: RelayContext,
    private readonly onLeave: (peers: RelayedRoom) => void,
  ) {
    this.channel = draftChannel(draftId);
  }

  /** Subscribes; waits for Redis to confirm only so long (a room never waits for Redis to come back). */
  async listen(): Promise<void> {
    const subscribed = this.context.link.subscribe(this.channel, this.receive).catch((err) => {
      this.context.logger.warn({ err, draftId: this.draftId }, 'relay subscription failed');
    });
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.context.subscribeWaitMs)));
    await Promise.race([subscribed, gaveUp]);
    clearTimeout(timer);
  }

  bind(room: Room): void {
    this.room = room;
    const waiting = this.waiting;
    this.waiting = [];
    for (const message of waiting) this.apply(room, message);
  }

  update(update: Uint8Array, seq: number): void {
    void this.publish({ kind: 'update', seq, update });
  }

  awareness(update: Uint8Array): void {
    void this.publish({ kind: 'awareness', update });
  }

  control(control: RoomControl): Promise<void> {
    return this.publish({ kind: 'control', control });
  }

  /**
   * Back from an outage: subscribes again (a subscription in flight when a connection was lost is
   * gone, node-redis renews only confirmed ones; one still held is left as it is), then reads the
   * store and asks the other instances to read it too (they may have missed what this one could
   * not publish). In that order: what is stored after the read arrives through the channel.
   */
  async recover(): Promise<void> {
    await this.listen();
    void this.resync();
    void this.publish({ kind: 'resync' });
  }

  leave(): void {
    if (this.left) return;
    this.left = true;
    this.room = null;
    this.onLeave(this);
    this.context.link.unsubscribe(this.channel, this.receive).catch((err) => {
      this.context.logger.debug({ err, draftId: this.draftId }, 'relay unsubscription failed');
    });
  }

  /**
   * Brings the room up to the store: whatever was relayed while Redis was away is durable there.
   * Reads the log after the room's watermark (every entry up to it is in the room) in one change
   * shown to local clients; entries it already has change nothing (Yjs updates are idempotent).
   * Locks and the editing rule are read again too (their changes were relayed, not logged).
   */
  resync(): Promise<void> {
    if (!this.room) {
      if (!this.left) this.waiting.push({ kind: 'resync', instanceId: this.context.instanceId, sentAt: Date.now() });
      return Promise.resolve();
    }
    if (this.resyncing) {
      this.resyncAgain = true;
      return this.resyncing;
    }
    this.resyncing = this.readStore(this.room)
      .catch((err) => this.context.logger.warn({ err, draftId: this.draftId }, 'relay resync failed; the next one catches up'))
      .finally(() => {
        this.resyncing = null;
        if (this.resyncAgain) {
          this.resyncAgain = false;
          void this.resync();
        }
      });
    return this.resyncing;
  }

  private async readStore(room: Room): Promise<void> {
    const missed: StoredUpdate[] = [];
    for await (const entry of this.context.documents.updatesBetween(this.draftId, room.storedSeqWatermark)) missed.push(entry);
    this.controlsDuringResync = [];
    const rules = await this.context.storedRules(this.draftId);
    if (this.room !== room) return;
    room.applyStoredRules(rules.lockedParagraphIds, rules.editing);
    for (const control of this.controlsDuringResync) room.applyControl(control);
    // Nothing missed, nothing to build: a room that holds binary state keeps it.
    if (missed.length > 0) {
      room.doc.transact(() => {
        for (const entry of missed) Y.applyUpdate(room.doc, entry.update, RELAYED);
      }, RELAYED);
    }
    for (const entry of missed) room.noteStoredSeq(entry.seq);
  }

  /** Resolves once Redis took the message (never rejects). */
  private async publish(body: RelayBody): Promise<void> {
    const { link, instanceId, logger } = this.context;
    // While Redis is away nothing is sent; everyone reads the store again when it returns.
    if (!link.isUp()) return;
    const bytes = encodeRelayMessage({ instanceId, sentAt: Date.now(), ...body });
    await link.command((client) => client.publish(this.channel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))).catch((err) => {
      logger.debug({ err, draftId: this.draftId }, 'relay publish failed; the resync after the outage covers it');
    });
  }

  private readonly receive: ChannelHandler = (bytes) => {
    let message: RelayMessage;
    try {
      message = decodeRelayMessage(bytes);
    } catch (err) {
      this.context.logger.warn({ err, draftId: this.draftId }, 'unreadable relay message dropped');
      return;
    }
    if (message.instanceId === this.context.instanceId || this.left) return;
    if (this.room) this.apply(this.room, message);
    else this.waiting.push(message);
  };

  private apply(room: Room, message: RelayMessage): void {
    switch (message.kind) {
      case 'update':
        this.context.onRelayLatency?.(Math.max(0, Date.now() - message.sentAt) / 1000);
        return this.applyUpdate(room, message.update, message.seq);
      case 'awareness':
        return this.applyAwareness(room, message.update);
      case 'control':
        if (this.resyncing) this.controlsDuringResync.push(message.control);
        return room.applyControl(message.control);
      case 'resync':
        void this.resync();
    }
  }

  /** Awareness bytes are decoded only here (the frame around them was checked): bad ones are dropped, not thrown into Redis's message handler. */
  private applyAwareness(room: Room, update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(room.awareness, update, RELAYED);
    } catch (err) {
      this.context.logger.warn({ err, draftId: this.draftId }, 'unreadable relayed awareness dropped');
    }
  }

  /**
   * An update that follows on from something this room never got (lost while Redis was away)
   * would stay pending and make the room refuse its clients' next update: it is dropped from
   * memory and the room reads the store, which has both.
   */
  private applyUpdate(room: Room, update: Uint8Array, seq: number): void {
    try {
      Y.applyUpdate(room.doc, update, RELAYED);
    } catch (err) {
      this.context.logger.error({ err, draftId: this.draftId, seq }, 'relayed update refused by Yjs; reading the store instead');
      void this.resync();
      return;
    }
    const { store } = room.doc;
    if (store.pendingStructs || store.pendingDs) {
      store.pendingStructs = null;
      store.pendingDs = null;
      this.context.logger.warn({ draftId: this.draftId, seq }, 'relayed update follows on from changes this instance missed; reading the store');
      void this.resync();
      return;
    }
    room.noteStoredSeq(seq);
  }
}
