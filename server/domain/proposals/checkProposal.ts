import type * as Y from 'yjs';
import type { z } from 'zod';
import { xmlTextContent } from '../../../shared/xmlTextContent';
import type { ProposalCreatePayload, ProposalKind } from '../../../shared/proposals';
import { DomainError } from '../domainError';
import { paragraphText } from '../oralRevisions/paragraphTextWriter';
import { anchoredText, newParagraphPlace, proposableParagraph } from './proposalTarget';

/** The fields of a parsed proposal:create payload that say what the proposal does and where. */
export type ProposalInput = Pick<z.infer<typeof ProposalCreatePayload>, 'kind' | 'anchor' | 'afterParagraphId' | 'paragraphId' | 'paragraphType' | 'level' | 'text'>;

type Field = Exclude<keyof ProposalInput, 'kind'>;

/** What each kind needs (see shared/proposals.ts); `level` is optional for a new operative paragraph. */
const REQUIRED: Record<ProposalKind, readonly Field[]> = {
  replace: ['anchor', 'text'],
  insert: ['anchor', 'text'],
  delete: ['anchor'],
  bracket: ['anchor'],
  new_paragraph: ['afterParagraphId', 'paragraphType', 'text'],
  alternative: ['paragraphId', 'text'],
};
const FIELDS: readonly Field[] = ['anchor', 'afterParagraphId', 'paragraphId', 'paragraphType', 'level', 'text'];

/** What the check found: the paragraph the proposal concerns and, for a range, the words it covers now. */
export interface CheckedProposal {
  paragraphId: string;
  /** The anchored words as they stand in the live text (a client's own `quote` is not to be trusted); "" for a point, null without anchor. */
  quote: string | null;
}

/**
 * Checks a new proposal against the live document: the fields its kind needs (each missing one
 * named) and no others, then that it points at a PP or OP that is there and changes it: 400 for a
 * bad shape or wording the text already has, 404 for an unknown paragraph, 409 for an anchor that
 * no longer resolves.
 */
export function checkProposalAgainstDocument(doc: Y.Doc, input: ProposalInput): CheckedProposal {
  const { kind } = input;
  const required = REQUIRED[kind];
  const missing = required.filter((field) => input[field] === undefined);
  if (missing.length > 0) throw new DomainError(`${aProposal(kind)} is missing ${missing.join(', ')}`, 400);
  const extra = FIELDS.filter((field) => input[field] !== undefined && !required.includes(field) && !(field === 'level' && kind === 'new_paragraph'));
  if (extra.length > 0) throw new DomainError(`${aProposal(kind)} takes no ${extra.join(', ')}`, 400);
  if (required.includes('text') && input.text!.trim() === '') throw new DomainError('the proposed text is empty', 400);

  if (input.anchor) {
    const at = anchoredText(doc, kind, input.anchor, 404);
    const quote = xmlTextContent(at.text).slice(at.start, at.end);
    if (kind === 'replace' && input.text === quote) throw new DomainError('the proposed words are the words they replace; change them to propose a replacement', 400);
    return { paragraphId: input.anchor.paragraphId, quote };
  }
  if (kind === 'alternative') {
    const element = proposableParagraph(doc, input.paragraphId!, 404);
    // As the browser's form compares: the wording without the spaces around it.
    if (input.text!.trim() === paragraphText(element).trim()) throw new DomainError('this is the wording as it stands; change it to propose an alternative', 400);
    return { paragraphId: input.paragraphId!, quote: null };
  }
  if (input.paragraphType === 'preambular_paragraph' && input.level) throw new DomainError('a preambular paragraph has no sub-paragraph level', 400);
  newParagraphPlace(doc, input.afterParagraphId!, input.paragraphType!, 404);
  return { paragraphId: input.afterParagraphId!, quote: null };
}

/** "a replace proposal", "an insert proposal". */
function aProposal(kind: ProposalKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} proposal`;
}
