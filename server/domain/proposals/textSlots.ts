import * as Y from 'yjs';
import { decodePosition } from '../../../shared/anchors';
import type { ProposalAnchor } from '../../../shared/proposals';

/** An anchor's place in the item list of one text of its paragraph. */
export interface SlotRange {
  text: Y.XmlText;
  from: number;
  /** Equal to `from` for a point. */
  to: number;
}

/**
 * Where an anchor sits in its paragraph's Yjs item list, deleted items included. Deleted
 * characters keep their place in that list, so a range whose words a change just removed can
 * still be compared with the ranges around it. Null when the anchor is not in this paragraph.
 */
export function anchorSlots(paragraph: Y.XmlElement, anchor: ProposalAnchor): SlotRange | null {
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  if (!start || !end) return null;
  for (const text of paragraph.toArray()) {
    if (!(text instanceof Y.XmlText)) continue;
    const from = slotOf(text, start);
    const to = slotOf(text, end);
    if (from !== null && to !== null) return { text, from, to };
  }
  return null;
}

/** True when two anchors share words, or a point lies strictly inside the other's range. */
export function slotsOverlap(a: SlotRange, b: SlotRange): boolean {
  if (a.text !== b.text) return false;
  if (a.from === a.to && b.from === b.to) return false;
  if (a.from === a.to) return b.from < a.from && a.from < b.to;
  if (b.from === b.to) return a.from < b.from && b.from < a.to;
  return a.from < b.to && b.from < a.to;
}

/** A relative position as a slot: before its character (assoc >= 0) or after it (assoc < 0). */
function slotOf(text: Y.XmlText, position: Y.RelativePosition): number | null {
  const { item, assoc } = position;
  if (item === null) {
    const type = position.type;
    const own = text._item?.id;
    if (!type || !own || !Y.compareIDs(type, own)) return null;
    return assoc < 0 ? 0 : length(text);
  }
  let slot = 0;
  for (let node = text._start; node; node = node.right) {
    const { client, clock } = node.id;
    if (client === item.client && clock <= item.clock && item.clock < clock + node.length) {
      return slot + (item.clock - clock) + (assoc < 0 ? 1 : 0);
    }
    slot += node.length;
  }
  return null;
}

function length(text: Y.XmlText): number {
  let slots = 0;
  for (let node = text._start; node; node = node.right) slots += node.length;
  return slots;
}
