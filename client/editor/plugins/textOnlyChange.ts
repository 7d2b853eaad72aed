import type { Slice } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';

/** The fields of a ReplaceStep (a ReplaceAroundStep also has a gap; mark steps have no slice). */
interface Replacement {
  from?: number;
  to?: number;
  slice?: Slice;
  gapFrom?: number;
}

/**
 * Whether a transaction only changed text inside paragraphs: every step replaces a range within
 * one textblock with inline content. Paragraphs keep their kind, level, id and order, so
 * decorations about paragraphs (status, labels) can be mapped instead of drawn again.
 * A change from Yjs replaces the whole document and never counts.
 */
export function textOnlyChange(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    const { from, to, slice, gapFrom } = step as Replacement;
    if (from === undefined || to === undefined || !slice || gapFrom !== undefined || slice.openStart > 0 || slice.openEnd > 0) return false;
    let inline = true;
    slice.content.forEach((node) => (inline &&= node.isInline));
    const $from = tr.docs[i].resolve(from);
    return inline && $from.parent.isTextblock && $from.sameParent(tr.docs[i].resolve(to));
  });
}
