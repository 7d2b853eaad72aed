import { awarenessUserOf, ClientAwarenessState } from '../../shared/awarenessState';
import type { DraftMember } from '../domain/access/draftMember';
import { decodeAwarenessEntries, type AwarenessEntry } from './awarenessEntries';
import { ProtocolError } from './parseMessage';

export interface AwarenessLimits {
  /** Bytes of one awareness update (one frame's payload); a stock client echoes the whole room's states on joining. */
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
  maxUpdateBytes: 1024 * 1024,
  maxStateBytes: 2 * 1024,
  maxStatesPerConnection: 4,
  maxStatesPerRoom: 1_000,
};

/** What the room knows that decides whether a connection's awareness entry may be applied. */
export interface AwarenessContext {
  /** The authenticated sender. */
  user: DraftMember;
  /** Client ids this connection announced. */
  announced: ReadonlySet<number>;
  /** Whether another connection of this room currently announces the client id. */
  isHeldByOther(clientId: number): boolean;
  /** The user the client id is durably bound to, when that is known. */
  ownerOf?(clientId: number): string | undefined;
  /** The newest clock the room has seen under a client id (kept after the state is removed). */
  clockOf(clientId: number): number | undefined;
  /** The states the room holds now. */
  roomStates: ReadonlyMap<number, unknown>;
}

export interface AwarenessVerdict {
  /** Entries to apply: states rebuilt by the server, `user` stamped. */
  accepted: AwarenessEntry[];
  /** New client ids left out because the room is full. */
  roomFull: number[];
  /**
   * States the sender announces under an id it may own, at a clock the room has not passed: y-protocols
   * ignores them (a first state at clock 0; a state after a reconnect, which the room removed at a
   * newer clock). With the room's clock, the clock the sender must be told to announce again above.
   */
  behind: Array<{ clientId: number; clock: number }>;
}

/**
 * Judges one awareness update of a connection before anything of it is applied.
 *
 * Only entries under the sender's own client ids are applied: those it announced, and new ones
 * it announces now (newer than anything the room saw under that id). Every other entry is
 * dropped without a word, because a stock y-websocket client sends back every state it
 * receives: others' states, stale ones and removals come from honest clients all the time, and
 * an entry under a client id another connection holds is never applied, whatever its clock.
 *
 * Throws ProtocolError (the connection is closed, nothing applied) for what no stock client
 * sends: malformed or oversized updates and states, a malformed state of its own, or more client
 * ids than a connection may have. Of an applied state only `cursor` is kept, and `user` is
 * stamped with the sender's identity. New client ids are left out when the room is full.
 */
export function validateAwareness(update: Uint8Array, context: AwarenessContext, limits: AwarenessLimits): AwarenessVerdict {
  if (update.byteLength > limits.maxUpdateBytes) throw new ProtocolError(`awareness update too large (${update.byteLength} bytes)`);
  const entries = decodeAwarenessEntries(update, { maxEntries: limits.maxStatesPerRoom, maxStateBytes: limits.maxStateBytes });
  const mine = entries.filter((entry) => isSendersOwn(entry, context) === true);
  const behind = entries
    .filter((entry) => isSendersOwn(entry, context) === 'behind')
    .map(({ clientId }) => ({ clientId, clock: context.clockOf(clientId) ?? 0 }));

  const announcing = new Set(mine.map((e) => e.clientId).filter((id) => !context.announced.has(id)));
  if (context.announced.size + announcing.size > limits.maxStatesPerConnection) {
    throw new ProtocolError('too many awareness client ids on one connection');
  }
  const joining = [...announcing].filter((id) => !context.roomStates.has(id));
  const roomFull = context.roomStates.size + joining.length > limits.maxStatesPerRoom ? joining : [];

  const accepted = mine
    .filter((entry) => !roomFull.includes(entry.clientId))
    .map((entry) => (entry.state === null ? entry : { ...entry, state: stamped(entry.state, context.user) }));
  return { accepted, roomFull, behind };
}

/**
 * An id the sender announced, or a state under an id no other connection holds (not even one of
 * the same user: its tabs echo each other's states) that is newer than anything the room saw
 * (an unknown id counting as clock 0, as y-protocols counts it); 'behind' when only the clock is not.
 */
function isSendersOwn({ clientId, clock, state }: AwarenessEntry, context: AwarenessContext): boolean | 'behind' {
  const owner = context.ownerOf?.(clientId);
  if (owner !== undefined && owner !== context.user.id) return false;
  if (context.announced.has(clientId)) return true;
  if (context.isHeldByOther(clientId) || state === null) return false;
  return clock > (context.clockOf(clientId) ?? 0) || 'behind';
}

function stamped(state: unknown, user: DraftMember): { cursor?: unknown; user: unknown } {
  const parsed = ClientAwarenessState.safeParse(state);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'state';
    throw new ProtocolError(`malformed awareness state (${where})`);
  }
  const { cursor } = parsed.data;
  return cursor === undefined ? { user: awarenessUserOf(user, user.delegation) } : { cursor, user: awarenessUserOf(user, user.delegation) };
}
