import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ProtocolError } from './parseMessage';

/** One entry of an awareness update: a client's state at its clock; null when the client left. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export interface AwarenessEntryLimits {
  maxEntries: number;
  /** Bytes of one state's JSON. */
  maxStateBytes: number;
}

/** Yjs client ids are random 32-bit numbers. */
const MAX_CLIENT_ID = 0xffff_ffff;

/**
 * Decodes an awareness update as y-protocols writes it (a count, then per entry a client id,
 * a clock and a JSON state) without trusting it: the count and each state's size are checked
 * before anything is parsed. Throws ProtocolError.
 */
export function decodeAwarenessEntries(update: Uint8Array, limits: AwarenessEntryLimits): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    if (count > limits.maxEntries) throw new ProtocolError(`too many awareness states in one frame (${count})`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) entries.push(readEntry(decoder, limits.maxStateBytes));
    if (decoding.hasContent(decoder)) throw new ProtocolError('unexpected bytes after the awareness update');
    return entries;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError('malformed awareness update');
  }
}

function readEntry(decoder: decoding.Decoder, maxStateBytes: number): AwarenessEntry {
  const clientId = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  const json = decoding.readVarUint8Array(decoder);
  if (clientId > MAX_CLIENT_ID) throw new ProtocolError('awareness client id out of range');
  if (json.byteLength > maxStateBytes) throw new ProtocolError(`awareness state too large (${json.byteLength} bytes)`);
  // Fatal: a state that is not UTF-8 is refused, not silently patched with replacement characters.
  return { clientId, clock, state: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) };
}

/** The awareness update carrying exactly these entries, as y-protocols reads it. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
