import * as Y from 'yjs';
import { ProtocolError } from './parseMessage';

type Struct = Y.Item | Y.GC | Y.Skip;

/** The type an item goes into: a root by name, a type the document has, or a type created by the same update. */
export type Parent = { root: string } | { type: Y.AbstractType<unknown> } | { created: Y.Item };

/** Where Yjs will integrate an item: its parent and, for a map entry (an attribute), the key. */
export interface Placement {
  parent: Parent;
  key: string | null;
}

/** Yjs garbage-collects the item on arrival: a neighbour or its parent is already collected. */
export const DROPPED = 'dropped';

/**
 * Works out where each item of a decoded update lands, the way Yjs' `Item.getMissing` does:
 * from the explicit parent, else from the left neighbour (origin), else the right one. The
 * neighbours and parents may be in the document or earlier in the same update. A reference the
 * server cannot resolve (missing, a cycle, a client's own future) is refused: nothing the
 * server has not seen can be checked.
 */
export class UpdatePlacements {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly placed = new Map<Y.Item, Placement | typeof DROPPED>();

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly Struct[],
  ) {
    // Yjs reads one run of structs per client (a second run replaces the first), in clock order.
    let previous: Struct | null = null;
    for (const struct of structs) {
      const own = this.byClient.get(struct.id.client);
      if (own && (previous?.id.client !== struct.id.client || previous.id.clock + previous.length !== struct.id.clock)) {
        throw new ProtocolError('update lists a client twice');
      }
      if (own) own.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
      previous = struct;
    }
  }

  /** False for an item the document already has in full: Yjs skips it. */
  isNew(item: Y.Item): boolean {
    return item.id.clock + item.length > Y.getState(this.doc.store, item.id.client);
  }

  placementOf(item: Y.Item): Placement | typeof DROPPED {
    const known = this.placed.get(item);
    if (known) return known;
    if (!this.unplacedReference(item)) return this.placeNow(item);
    // Depth-first without recursion: a long chain of items in one update must not overflow the stack.
    const stack = [item];
    const visiting = new Set(stack);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const next = this.unplacedReference(top);
      if (next) {
        if (visiting.has(next)) throw new ProtocolError('update refers to itself in a cycle');
        visiting.add(next);
        stack.push(next);
        continue;
      }
      this.placeNow(top);
      visiting.delete(top);
      stack.pop();
    }
    return this.placed.get(item)!;
  }

  /** An item of this update that `item` refers to and that has no placement yet. */
  private unplacedReference(item: Y.Item): Y.Item | null {
    if (item.origin || item.rightOrigin) return this.unplaced(item, item.origin) ?? this.unplaced(item, item.rightOrigin);
    return item.parent instanceof Y.ID ? this.unplaced(item, item.parent) : null;
  }

  private unplaced(from: Y.Item, id: Y.ID | null): Y.Item | null {
    if (!id || this.store(id)) return null;
    const target = this.find(from, id);
    return target instanceof Y.Item && !this.placed.has(target) ? target : null;
  }

  /** Places an item whose references are all placed or in the document. */
  private placeNow(item: Y.Item): Placement | typeof DROPPED {
    const placement = this.place(item);
    this.placed.set(item, placement);
    return placement;
  }

  private place(item: Y.Item): Placement | typeof DROPPED {
    const [left, right] = [item.origin, item.rightOrigin].map((id) => (id ? this.neighbourPlacement(item, id) : null));
    if (left === DROPPED || right === DROPPED) return DROPPED;
    if (left && right && !this.samePlacement(left, right)) throw new ProtocolError('item between neighbours of different types');
    if (left || right) return (left ?? right)!;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { parent: { root: parent }, key: item.parentSub };
    if (!(parent instanceof Y.ID)) throw new ProtocolError('item without a parent');
    const target = this.find(item, parent);
    if (target instanceof Y.GC) return DROPPED;
    if (!(target instanceof Y.Item) || !(target.content instanceof Y.ContentType)) throw new ProtocolError('parent is not a type');
    if (this.store(parent)) return { parent: { type: target.content.type }, key: item.parentSub };
    return this.placed.get(target) === DROPPED ? DROPPED : { parent: { created: target }, key: item.parentSub };
  }

  private neighbourPlacement(item: Y.Item, id: Y.ID): Placement | typeof DROPPED {
    const target = this.find(item, id);
    if (target instanceof Y.GC) return DROPPED;
    if (!(target instanceof Y.Item)) throw new ProtocolError('neighbour is not an item');
    if (!this.store(id)) return this.placed.get(target)!;
    return { parent: { type: target.parent as Y.AbstractType<unknown> }, key: target.parentSub };
  }

  /** The struct holding `id`: the document's when it has that clock, else this update's. */
  private find(from: Y.Item, id: Y.ID): Struct {
    if (id.client === from.id.client && id.clock >= from.id.clock) throw new ProtocolError('item refers to its own future');
    if (this.store(id)) return Y.getItem(this.doc.store, id);
    const own = this.byClient.get(id.client);
    const last = own?.[own.length - 1];
    if (!own || !last || id.clock < own[0].id.clock || id.clock >= last.id.clock + last.length) {
      throw new ProtocolError('update refers to content the server does not have');
    }
    const struct = own[Y.findIndexSS(own as Array<Y.Item | Y.GC>, id.clock)];
    if (struct instanceof Y.Skip) throw new ProtocolError('update refers to content the server does not have');
    return struct;
  }

  private samePlacement(a: Placement, b: Placement): boolean {
    return a.key === b.key && this.identity(a.parent) === this.identity(b.parent);
  }

  /** The type behind a parent; a root named in the update is the document's root of that name, if it has one. */
  private identity(parent: Parent): unknown {
    if ('root' in parent) return this.doc.share.get(parent.root) ?? parent.root;
    return 'type' in parent ? parent.type : parent.created;
  }

  private store(id: Y.ID): boolean {
    return id.clock < Y.getState(this.doc.store, id.client);
  }
}
