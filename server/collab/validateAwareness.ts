import { awarenessUserOf, ClientAwarenessState } from '../../shared/awarenessState';
import type { PublicUser } from '../../shared/user';
import { decodeAwarenessEntries, type AwarenessEntry } from './awarenessEntries';
import { ProtocolError } from './parseMessage';

export interface AwarenessLimits {
  /** Bytes of one awareness update (one frame's payload). */
  maxUpdateBytes: number;
  /** Bytes of one client's state (its JSON). */
  maxStateBytes: number;
  /** Client ids one connection may announce over its lifetime (a browser tab announces one). */
  maxStatesPerConnection: number;
  /** States a room holds at once; client ids beyond it stay invisible. */
  maxStatesPerRoom: number;
}

/** The defaults of the AWARENESS_* settings (server/config.ts). */
export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = {
  maxUpdateBytes: 8 * 1024,
  maxStateBytes: 2 * 1024,
  maxStatesPerConnection: 4,
  maxStatesPerRoom: 1_000,
};

/** What the room knows that decides whether a connection's awareness entry may be applied. */
export interface AwarenessContext {
  /** The authenticated sender. */
  user: PublicUser;
  /** Client ids this connection announced. */
  announced: ReadonlySet<number>;
  /** The user of another connection of this room that currently announces the client id. */
  holderOf(clientId: number): string | undefined;
  /** The user the client id is durably bound to, when that is known. */
  ownerOf?(clientId: number): string | undefined;
  /** The states the room holds now. */
  roomStates: ReadonlyMap<number, unknown>;
}

export interface AwarenessVerdict {
  /** Entries to apply: states rebuilt by the server, `user` stamped. */
  accepted: AwarenessEntry[];
  /** New client ids left out because the room is full. */
  roomFull: number[];
}

/**
 * Judges one awareness update of a connection before anything of it is applied. Throws
 * ProtocolError (the connection is closed, nothing applied) for what no stock client sends:
 * a malformed or oversized update or state, more client ids than a connection may have, or an
 * entry under a client id that belongs to another user. Keeps only `cursor` and a `user` stamped
 * with the sender's identity. Leaves out new client ids when the room is full (the sender is
 * not at fault) and removals of ids the sender never held (there is nothing of theirs to remove).
 */
export function validateAwareness(update: Uint8Array, context: AwarenessContext, limits: AwarenessLimits): AwarenessVerdict {
  if (update.byteLength > limits.maxUpdateBytes) throw new ProtocolError(`awareness update too large (${update.byteLength} bytes)`);
  const entries = decodeAwarenessEntries(update, {
    maxEntries: limits.maxStatesPerConnection,
    maxStateBytes: limits.maxStateBytes,
  });
  entries.forEach((entry) => checkNotSomeoneElses(entry.clientId, context));

  const announcing = new Set(entries.filter((e) => e.state !== null && !context.announced.has(e.clientId)).map((e) => e.clientId));
  if (context.announced.size + announcing.size > limits.maxStatesPerConnection) {
    throw new ProtocolError('too many awareness client ids on one connection');
  }
  const joining = [...announcing].filter((id) => !context.roomStates.has(id));
  const roomFull = context.roomStates.size + joining.length > limits.maxStatesPerRoom ? joining : [];

  const accepted: AwarenessEntry[] = [];
  for (const entry of entries) {
    if (roomFull.includes(entry.clientId)) continue;
    if (entry.state === null) {
      if (heldBySender(entry.clientId, context)) accepted.push(entry);
      continue;
    }
    accepted.push({ ...entry, state: stamped(entry.state, context.user) });
  }
  return { accepted, roomFull };
}

function checkNotSomeoneElses(clientId: number, context: AwarenessContext): void {
  const holder = context.holderOf(clientId);
  if (holder !== undefined && holder !== context.user.id) throw new ProtocolError('awareness client id held by another user');
  const owner = context.ownerOf?.(clientId);
  if (owner !== undefined && owner !== context.user.id) throw new ProtocolError('awareness client id owned by another user');
}

/** The sender's own, or its user's other connection (a reconnect whose old socket is not closed yet). */
function heldBySender(clientId: number, context: AwarenessContext): boolean {
  return context.announced.has(clientId) || context.holderOf(clientId) === context.user.id;
}

function stamped(state: unknown, user: PublicUser): { cursor?: unknown; user: unknown } {
  const parsed = ClientAwarenessState.safeParse(state);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'state';
    throw new ProtocolError(`malformed awareness state (${where})`);
  }
  const { cursor } = parsed.data;
  return cursor === undefined ? { user: awarenessUserOf(user) } : { cursor, user: awarenessUserOf(user) };
}
