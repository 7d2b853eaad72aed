import * as Y from 'yjs';
import { ProtocolError } from './parseMessage';
import { DROPPED, UpdatePlacements, type Parent } from './updatePlacements';

/** Tells whether an element of the document is closed to the sender's edits (an agreed paragraph, the heading). */
export type IsLockedRegion = (element: Y.XmlElement) => boolean;

/**
 * The locked elements an update would change: those it inserts into (text, children or
 * attributes, however deep) or deletes content of; and the elements it deletes that are or hold
 * locked ones.
 * Pure: reads the document and the update, changes neither. Run after the schema check, which
 * has already refused updates the server cannot place.
 */
export function lockedRegionsTouched(doc: Y.Doc, update: Uint8Array, isLocked: IsLockedRegion): Set<Y.XmlElement> {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError('not a Yjs update');
  }
  const touched = new Set<Y.XmlElement>();
  const placements = new UpdatePlacements(doc, decoded.structs);
  const add = (region: Y.XmlElement | null) => region && touched.add(region);

  const regionOfParent = (parent: Parent): Y.XmlElement | null => {
    if ('root' in parent) return null;
    if ('type' in parent) return enclosingRegion(parent.type, isLocked);
    const placement = placements.placementOf(parent.created);
    return placement === DROPPED ? null : regionOfParent(placement.parent);
  };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !placements.isNew(struct)) continue;
    const placement = placements.placementOf(struct);
    if (placement !== DROPPED) add(regionOfParent(placement.parent));
  }
  for (const item of deletedItems(doc, decoded.ds)) {
    add(enclosingRegion(item.parent as Y.AbstractType<unknown>, isLocked));
    // A deleted element holding locked ones (a whole section) is put back whole: their parent is gone.
    const type = item.content instanceof Y.ContentType ? item.content.type : null;
    if (type instanceof Y.XmlElement && containsRegion(type, isLocked)) touched.add(type);
  }
  return outermost(touched);
}

/** Drops the elements inside another one of the set: putting the outer one back puts them back. */
function outermost(regions: Set<Y.XmlElement>): Set<Y.XmlElement> {
  const inside = (element: Y.XmlElement) => {
    for (let parent = element._item?.parent as Y.AbstractType<unknown> | null; parent; parent = (parent._item?.parent as Y.AbstractType<unknown>) ?? null) {
      if (regions.has(parent as Y.XmlElement)) return true;
    }
    return false;
  };
  return new Set([...regions].filter((region) => !inside(region)));
}

/** The innermost locked element that is `type` or contains it. */
function enclosingRegion(type: Y.AbstractType<unknown>, isLocked: IsLockedRegion): Y.XmlElement | null {
  for (let current: Y.AbstractType<unknown> | null = type; current; current = (current._item?.parent as Y.AbstractType<unknown>) ?? null) {
    if (current instanceof Y.XmlElement && isLocked(current)) return current;
  }
  return null;
}

/** Whether `element` is locked or holds a locked element: deleting it deletes them. */
function containsRegion(element: Y.XmlElement, isLocked: IsLockedRegion): boolean {
  if (isLocked(element)) return true;
  return element.toArray().some((child) => child instanceof Y.XmlElement && containsRegion(child, isLocked));
}

/** Items of the document, still visible, that the update's delete set removes (its own new items aside). */
function deletedItems(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): Y.Item[] {
  const items: Y.Item[] = [];
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known);
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < end; i++) {
        const struct = structs[i];
        if (struct instanceof Y.Item && !struct.deleted) items.push(struct);
      }
    }
  }
  return items;
}
