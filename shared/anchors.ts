import * as Y from 'yjs';
import { fromBase64, toBase64 } from 'lib0/buffer';

/** A Yjs relative position as it travels in a comment anchor. */
export function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** The relative position inside an anchor, or null when the text is not one. */
export function decodePosition(base64: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(base64));
  } catch {
    return null;
  }
}

/** Where an anchored range is now, in one Yjs text type. */
export interface ResolvedRange {
  type: Y.AbstractType<unknown>;
  start: number;
  end: number;
}

/**
 * Follows an anchor's relative positions to the range they cover now. Null means the
 * anchor is detached: its words were deleted (the range collapsed), its paragraph is gone,
 * or the positions do not resolve in this document at all.
 */
export function resolveAnchorRange(doc: Y.Doc, anchor: { start: string; end: string }): ResolvedRange | null {
  const start = absolute(doc, anchor.start);
  const end = absolute(doc, anchor.end);
  if (!start || !end || start.type !== end.type || end.index <= start.index || isDeleted(start.type)) return null;
  return { type: start.type, start: start.index, end: end.index };
}

/**
 * Where one relative position is now: for a point anchor (a proposal's insert). Null when it
 * does not resolve or its text type was deleted; a point survives the deletion of its neighbours.
 */
export function resolveAnchorPoint(doc: Y.Doc, base64: string): { type: Y.AbstractType<unknown>; index: number } | null {
  const point = absolute(doc, base64);
  return point && !isDeleted(point.type) ? { type: point.type, index: point.index } : null;
}

/** Relative positions that keep covering the text from `start` to `end` of a text type as others edit. */
export function anchorPositions(text: Y.XmlText | Y.Text, start: number, end: number): { start: string; end: string } {
  return {
    // Association: the start sticks to the first anchored character, the end to the last, so
    // typing just outside the range does not grow it.
    start: encodePosition(Y.createRelativePositionFromTypeIndex(text, start, 0)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(text, end, -1)),
  };
}

function absolute(doc: Y.Doc, base64: string): Y.AbsolutePosition | null {
  const relative = decodePosition(base64);
  if (!relative) return null;
  try {
    return Y.createAbsolutePositionFromRelativePosition(relative, doc);
  } catch {
    return null;
  }
}

function isDeleted(type: Y.AbstractType<unknown>): boolean {
  for (let node: Y.AbstractType<unknown> | null = type; node; node = node.parent as Y.AbstractType<unknown> | null) {
    if (node._item?.deleted) return true;
  }
  return false;
}
