import type * as Y from 'yjs';
import { isPointAnchor, PROPOSABLE_TYPES, resolveProposalAnchor, type ResolvedProposalAnchor } from '../../../shared/proposalAnchors';
import type { NewParagraphType, ProposalAnchor, ProposalKind } from '../../../shared/proposals';
import { DomainError } from '../domainError';
import { paragraphElementOf } from '../oralRevisions/paragraphTextWriter';

/**
 * Where a proposal lands in the live text, shared by the check at create time and the apply at
 * accept time. A paragraph that is not there is unknown (404) to a new proposal, but gone (409)
 * from under a pending one.
 */
export type Missing = 404 | 409;

/** The PP or OP with this id. */
export function proposableParagraph(doc: Y.Doc, paragraphId: string, missing: Missing): Y.XmlElement {
  const element = paragraphElementOf(doc, paragraphId);
  if (!element) throw missingParagraph(paragraphId, missing);
  if (!PROPOSABLE_TYPES.has(element.nodeName)) {
    throw new DomainError(`proposals are made on preambular and operative paragraphs, not on the ${element.nodeName.replace('_', ' ')}`, 400);
  }
  return element;
}

/** The words (or, for an insert, the point) an anchored proposal covers now. */
export function anchoredText(doc: Y.Doc, kind: ProposalKind, anchor: ProposalAnchor, missing: Missing): ResolvedProposalAnchor {
  proposableParagraph(doc, anchor.paragraphId, missing);
  const wantsPoint = kind === 'insert';
  if (isPointAnchor(anchor) !== wantsPoint) {
    throw new DomainError(wantsPoint ? 'an insert proposal is anchored at a point' : `a ${kind} proposal is anchored on a range of words, not a point`, 400);
  }
  const at = resolveProposalAnchor(doc, anchor);
  if (!at) throw new DomainError('the words of this proposal are no longer in its paragraph: they were changed or deleted', 409);
  return at;
}

/** Paragraphs a new paragraph of each type may follow: its own kind, or (the first PP) the formula. */
const FOLLOWS: Record<NewParagraphType, ReadonlySet<string>> = {
  preambular_paragraph: new Set(['formula', 'preambular_paragraph']),
  operative_paragraph: new Set(['operative_paragraph']),
};
const WRONG_SECTION: Record<NewParagraphType, string> = {
  preambular_paragraph: 'a preambular paragraph goes in the preamble',
  operative_paragraph: 'an operative paragraph goes in the operative part',
};

/** Where a new paragraph goes: its section and the index right after the paragraph it follows. */
export function newParagraphPlace(doc: Y.Doc, afterParagraphId: string, type: NewParagraphType, missing: Missing): { section: Y.XmlElement; index: number } {
  const after = paragraphElementOf(doc, afterParagraphId);
  if (!after) throw missingParagraph(afterParagraphId, missing);
  if (!FOLLOWS[type].has(after.nodeName)) throw new DomainError(WRONG_SECTION[type], 400);
  const section = after.parent as Y.XmlElement;
  return { section, index: section.toArray().indexOf(after) + 1 };
}

function missingParagraph(paragraphId: string, missing: Missing): DomainError {
  return missing === 404
    ? new DomainError(`unknown paragraph ${paragraphId}`, 404)
    : new DomainError(`paragraph ${paragraphId} is no longer in the draft`, 409);
}
