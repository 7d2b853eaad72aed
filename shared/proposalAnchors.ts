import * as Y from 'yjs';
import { anchorPositions, encodePosition, resolveAnchorPoint, resolveAnchorRange } from './anchors';
import type { ProposalAnchor } from './proposals';
import { PROSEMIRROR_FRAGMENT } from './schema';
import { xmlTextContent } from './xmlTextContent';

/** The paragraphs proposals are made on; heading lines, sponsors, title and formula are the facilitator's. */
export const PROPOSABLE_TYPES: ReadonlySet<string> = new Set(['preambular_paragraph', 'operative_paragraph']);

/** Where a proposal's anchor is now: offsets in one text of its paragraph (a point has start === end). */
export interface ResolvedProposalAnchor {
  text: Y.XmlText;
  paragraph: Y.XmlElement;
  start: number;
  end: number;
}

/**
 * An insert's place: one relative position, associated with the character before it, so text
 * others type exactly there goes after the point and the proposed words keep their place.
 */
export function pointAnchor(text: Y.XmlText, index: number, paragraphId: string): ProposalAnchor {
  const position = encodePosition(Y.createRelativePositionFromTypeIndex(text, index, -1));
  return { paragraphId, start: position, end: position, quote: '' };
}

/** A range of words, anchored as comments are (see shared/anchors.ts), with the words it covers now. */
export function rangeAnchor(text: Y.XmlText, start: number, end: number, paragraphId: string): ProposalAnchor {
  return { paragraphId, ...anchorPositions(text, start, end), quote: xmlTextContent(text).slice(start, end) };
}

/** True for an anchor that marks a point (an insert) rather than a range. */
export function isPointAnchor(anchor: ProposalAnchor): boolean {
  return anchor.start === anchor.end;
}

/**
 * Follows a proposal's anchor into the live document. Null when it does not resolve, lies in
 * another paragraph than the one it names or in one proposals are not made on, its paragraph
 * is gone, or (for a range) its words were deleted.
 */
export function resolveProposalAnchor(doc: Y.Doc, anchor: ProposalAnchor): ResolvedProposalAnchor | null {
  const resolved = isPointAnchor(anchor) ? pointRange(doc, anchor.start) : resolveAnchorRange(doc, anchor);
  if (!resolved) return null;
  const { type, start, end } = resolved;
  const paragraph = type.parent;
  if (!(type instanceof Y.XmlText) || !(paragraph instanceof Y.XmlElement)) return null;
  if (!PROPOSABLE_TYPES.has(paragraph.nodeName) || paragraph.getAttribute('id') !== anchor.paragraphId) return null;
  if (!isInDraft(doc, paragraph)) return null;
  return { text: type, paragraph, start, end };
}

function pointRange(doc: Y.Doc, position: string): { type: Y.AbstractType<unknown>; start: number; end: number } | null {
  const point = resolveAnchorPoint(doc, position);
  return point && { type: point.type, start: point.index, end: point.index };
}

/** Positions made in another root of the document are not in the draft. */
function isInDraft(doc: Y.Doc, type: Y.XmlElement): boolean {
  let node: Y.AbstractType<any> = type;
  while (node.parent) node = node.parent;
  return node === doc.share.get(PROSEMIRROR_FRAGMENT);
}
