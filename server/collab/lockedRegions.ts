import * as Y from 'yjs';
import type { ClientUpdate } from './clientUpdate';
import { DROPPED, type Parent } from './updatePlacements';

/**
 * How much of an element is closed to the sender: all of it (its text, attributes and children:
 * an agreed paragraph, the heading), or only which children it has (a part of a proposals-only
 * draft: no paragraph added or removed, each paragraph being a region of its own).
 */
export type LockScope = 'whole' | 'children';

/** What of an element of the document is closed to the sender's edits; null when nothing is. */
export type IsLockedRegion = (element: Y.XmlElement) => LockScope | null;

/** The locked elements an update changes, each with what of it is locked (what putting it back restores). */
export type TouchedRegions = Map<Y.XmlElement, LockScope>;

/**
 * The locked elements an update would change: those it inserts into (text, children or
 * attributes, however deep) or deletes content of; and the elements it deletes that are or hold
 * locked ones.
 * Pure: reads the document and the update, changes neither. Run after the schema check, which
 * has already refused updates the server cannot place.
 */
export function lockedRegionsTouched(update: ClientUpdate, isLocked: IsLockedRegion): TouchedRegions {
  const { doc, structs, ds, placements } = update;
  const touched: TouchedRegions = new Map();
  const add = (region: Y.XmlElement | null) => region && touched.set(region, isLocked(region)!);

  const regionOfParent = (parent: Parent): Y.XmlElement | null => {
    if ('root' in parent) return null;
    if ('type' in parent) return enclosingRegion(parent.type, isLocked);
    const placement = placements.placementOf(parent.created);
    return placement === DROPPED ? null : regionOfParent(placement.parent);
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !placements.isNew(struct)) continue;
    const placement = placements.placementOf(struct);
    if (placement !== DROPPED) add(regionOfParent(placement.parent));
  }
  for (const item of deletedItems(doc, ds)) {
    add(enclosingRegion(item.parent as Y.AbstractType<unknown>, isLocked));
    // A deleted element holding locked ones (a whole section) comes back whole, as a copy: their parent is gone.
    const type = item.content instanceof Y.ContentType ? item.content.type : null;
    if (type instanceof Y.XmlElement && containsRegion(type, isLocked)) touched.set(type, isLocked(type) ?? 'whole');
  }
  return outermost(touched);
}

/** Drops the elements inside another one put back whole: putting the outer one back puts them back. */
function outermost(regions: TouchedRegions): TouchedRegions {
  const inside = (element: Y.XmlElement) => {
    for (let parent = element._item?.parent as Y.AbstractType<unknown> | null; parent; parent = (parent._item?.parent as Y.AbstractType<unknown>) ?? null) {
      if (regions.get(parent as Y.XmlElement) === 'whole') return true;
    }
    return false;
  };
  return new Map([...regions].filter(([region]) => !inside(region)));
}

/**
 * The innermost locked element whose locked part `type` is: an element locked whole that is or
 * contains it, or an element whose children are locked when `type` is that element itself.
 */
function enclosingRegion(type: Y.AbstractType<unknown>, isLocked: IsLockedRegion): Y.XmlElement | null {
  for (let current: Y.AbstractType<unknown> | null = type; current; current = (current._item?.parent as Y.AbstractType<unknown>) ?? null) {
    if (!(current instanceof Y.XmlElement)) continue;
    const scope = isLocked(current);
    if (scope === 'whole' || (scope === 'children' && current === type)) return current;
  }
  return null;
}

/** Whether `element` is locked or holds a locked element: deleting it deletes them. */
function containsRegion(element: Y.XmlElement, isLocked: IsLockedRegion): boolean {
  if (isLocked(element)) return true;
  return element.toArray().some((child) => child instanceof Y.XmlElement && containsRegion(child, isLocked));
}

/** Items of the document, still visible, that the update's delete set removes (its own new items aside). */
function deletedItems(doc: Y.Doc, ds: ClientUpdate['ds']): Y.Item[] {
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
