import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import { DraftEditingSchema } from '../../shared/proposals';
import type { RoomControl } from '../collab/roomControl';

/**
 * What one instance's room tells the same draft's rooms elsewhere, on the draft's Redis channel.
 * `sentAt` (ms since the epoch) measures the relay's latency.
 */
export type RelayMessage = { instanceId: string; sentAt: number } & RelayBody;

export type RelayBody =
  | { kind: 'update'; seq: number; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'control'; control: RoomControl }
  /** "I may have missed messages or failed to send some: read the store again." */
  | { kind: 'resync' };

const KINDS = ['update', 'awareness', 'control', 'resync'] as const;

const RoomControlSchema: z.ZodType<RoomControl> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph-locked'), paragraphId: z.string().min(1), locked: z.boolean() }),
  z.object({ type: z.literal('editing'), editing: DraftEditingSchema }),
]);

/** The Redis channel of one draft's relay. */
export function draftChannel(draftId: string): string {
  return `yjs:draft:${draftId}`;
}

export function encodeRelayMessage(message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  encoding.writeVarString(encoder, message.instanceId);
  encoding.writeFloat64(encoder, message.sentAt);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, message.seq);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'control':
      encoding.writeVarString(encoder, JSON.stringify(message.control));
  }
  return encoding.toUint8Array(encoder);
}

/** Throws on anything that is not a message encodeRelayMessage wrote. */
export function decodeRelayMessage(bytes: Uint8Array): RelayMessage {
  const decoder = decoding.createDecoder(bytes);
  const kind = KINDS[decoding.readVarUint(decoder)];
  const instanceId = decoding.readVarString(decoder);
  const sentAt = decoding.readFloat64(decoder);
  const body = ((): RelayBody => {
    switch (kind) {
      case 'update':
        return { kind, seq: decoding.readVarUint(decoder), update: decoding.readVarUint8Array(decoder) };
      case 'awareness':
        return { kind, update: decoding.readVarUint8Array(decoder) };
      case 'control':
        return { kind, control: RoomControlSchema.parse(JSON.parse(decoding.readVarString(decoder))) };
      case 'resync':
        return { kind };
      default:
        throw new Error('unknown relay message kind');
    }
  })();
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after a relay message');
  return { instanceId, sentAt, ...body };
}
