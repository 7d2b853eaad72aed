import * as Y from 'yjs';

/** What Y.decodeUpdate reads from an update: its structs, then its delete set. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** The clock a document has reached for a client (its next clock): Y.getState over its store. */
export type StateOf = (client: number) => number;

export interface UpdateNeeds {
  /** Clients the update adds clocks to: it speaks for them. */
  writes: number[];
  /**
   * Clients whose clocks the update would wait for: clocks the document lacks that the update
   * cannot supply first (empty: applying it leaves nothing pending in Yjs' store).
   */
  missing: Set<number>;
}

type Struct = DecodedUpdate['structs'][number];

/**
 * What applying `update` to a document in state `stateOf` would write and what it would wait
 * for. Mirrors Yjs' integration: a struct integrates once its own client's clocks before it are
 * present and every item it refers to (origin, right origin, parent) exists; structs of the
 * update supply one another, in any order. Deletions need their clocks present once the
 * structs are in.
 */
export function updateNeeds({ structs, ds }: DecodedUpdate, stateOf: StateOf): UpdateNeeds {
  const state = new Map<number, number>();
  const clockOf = (client: number) => state.get(client) ?? state.set(client, stateOf(client)).get(client)!;
  const queues = queuesByClient(structs);
  const writes = [...queues.keys()].filter((client) => {
    const last = queues.get(client)!.at(-1)!;
    return last.id.clock + last.length > clockOf(client);
  });

  // Integrate what can be integrated until nothing moves (one round for a keystroke).
  const next = new Map<number, number>([...queues.keys()].map((client) => [client, 0]));
  for (let moved = true; moved; ) {
    moved = false;
    for (const [client, queue] of queues) {
      let i = next.get(client)!;
      for (; i < queue.length && integrable(queue[i], clockOf); i++) {
        state.set(client, Math.max(clockOf(client), queue[i].id.clock + queue[i].length));
        moved = true;
      }
      next.set(client, i);
    }
  }

  const missing = new Set<number>();
  for (const [client, queue] of queues) {
    const stuck = queue.slice(next.get(client));
    if (stuck.length > 0 && stuck[0].id.clock > clockOf(client)) missing.add(client);
    for (const struct of stuck) {
      for (const ref of references(struct)) if (ref.clock >= clockOf(ref.client)) missing.add(ref.client);
    }
  }
  // Yjs keeps a deletion pending when it starts at or reaches beyond the state (even an empty one).
  for (const [client, deletions] of ds.clients) {
    if (deletions.some(({ clock, len }) => clock + Math.max(len, 1) > clockOf(client))) missing.add(client);
  }
  return { writes, missing };
}

/** The structs of each client in clock order, without the Skips that mark gaps in merged updates. */
function queuesByClient(structs: Struct[]): Map<number, Struct[]> {
  const queues = new Map<number, Struct[]>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const queue = queues.get(struct.id.client);
    if (queue) queue.push(struct);
    else queues.set(struct.id.client, [struct]);
  }
  return queues;
}

function integrable(struct: Struct, clockOf: (client: number) => number): boolean {
  if (struct.id.clock > clockOf(struct.id.client)) return false;
  // Already present: Yjs skips it without looking at its references.
  if (struct.id.clock + struct.length <= clockOf(struct.id.client)) return true;
  // A reference to its own client must be to an earlier clock (Yjs does not check that and would throw mid-update).
  return references(struct).every((ref) => ref.clock < clockOf(ref.client));
}

/** The items a struct is placed by: its left and right neighbours at creation, or its parent item. */
function references(struct: Struct): Y.ID[] {
  if (!(struct instanceof Y.Item)) return [];
  const refs: Y.ID[] = [];
  if (struct.origin) refs.push(struct.origin);
  if (struct.rightOrigin) refs.push(struct.rightOrigin);
  if (struct.parent instanceof Y.ID) refs.push(struct.parent);
  return refs;
}
