import { z } from 'zod';
import { PROSEMIRROR_FRAGMENT } from './schema';
import type { PublicUser } from './user';
import { userColor } from './userColor';

/** A Yjs item id: a 32-bit client id and a clock. */
const YjsId = z.object({
  client: z.number().int().min(0).max(0xffff_ffff),
  clock: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/**
 * A Y.RelativePosition as JSON, exactly as y-prosemirror's cursor plugin writes it
 * (`{type, tname, item, assoc}`) and reads it back with `Y.createRelativePositionFromJSON`.
 * It must name something (with neither item, type nor name Yjs throws), and a root type only
 * by the draft's fragment name (any other name would make every reader create that root type).
 */
export const RelativePositionJson = z
  .object({
    type: YjsId.nullish(),
    tname: z.literal(PROSEMIRROR_FRAGMENT).nullish(),
    item: YjsId.nullish(),
    assoc: z.number().int().nullish(),
  })
  .refine((p) => p.item != null || p.type != null || p.tname != null, 'a relative position must name an item or a type');

/** The selection of a remote editor: y-prosemirror's `cursor` awareness field. */
export const AwarenessCursor = z.object({ anchor: RelativePositionJson, head: RelativePositionJson });

/**
 * What the server accepts in a client's awareness state: a cursor (or null), and anything as
 * `user`, which it replaces with its own view of the delegation. Other fields are not relayed.
 */
export const ClientAwarenessState = z.object({
  cursor: AwarenessCursor.nullish(),
  user: z.unknown().optional(),
});

/**
 * A state y-prosemirror's cursor plugin can draw without throwing: it reads `user` as an object
 * (and writes defaults into it) and parses both ends of `cursor`.
 */
const RenderableAwarenessState = z.object({
  cursor: AwarenessCursor.nullish(),
  user: z.record(z.string(), z.unknown()).nullish(),
});

export function isRenderableAwarenessState(state: unknown): boolean {
  return RenderableAwarenessState.safeParse(state).success;
}

/** The `user` of every relayed awareness state: who the server authenticated, never what a client claims. */
export interface AwarenessUser {
  /** The delegation, shown above the cursor. */
  name: string;
  userId: string;
  color: string;
}

/** `delegation`: the person's delegation in the negotiation that holds the draft. */
export function awarenessUserOf(user: Pick<PublicUser, 'id'>, delegation: string): AwarenessUser {
  return { name: delegation, userId: user.id, color: userColor(user.id) };
}
