import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection, type EditorState } from 'prosemirror-state';
import type * as Y from 'yjs';
import { PROPOSAL_TEXT_MAX_LENGTH, type ProposalAnchor } from '../../shared/proposals';
import { pointAnchor, PROPOSABLE_TYPES, rangeAnchor } from '../../shared/proposalAnchors';
import { xmlTextOf } from '../comments/commentAnchor';
import { yBinding } from '../editor/yBinding';
import type { NewProposal } from './proposalActions';
import { anchorPlace, type ShownProposal } from './proposalPlace';

/** What the person did in Propose mode: typed or pasted text, or erased (Backspace / Delete). */
export type ProposeInput = { type: 'text'; text: string } | { type: 'erase'; direction: 'backward' | 'forward' };

/** What to do about it; `caret` is where the caret goes afterwards (the document itself never changes). */
export type ProposeIntent =
  | { type: 'create'; proposal: NewProposal; caret: number }
  | { type: 'edit'; id: string; text?: string; anchor?: ProposalAnchor; caret: number }
  /** An emptied proposal goes; an emptied replacement becomes the deletion it now is (`then`). */
  | { type: 'withdraw'; id: string; then?: NewProposal; caret: number }
  | { type: 'refuse'; notice: string }
  | { type: 'nothing' };

export const NOTICE_ONE_PARAGRAPH = 'Propose changes one paragraph at a time';
export const NOTICE_NOT_PROPOSABLE = 'Proposals apply to preambular and operative paragraphs';
/** An empty paragraph has no text to anchor a proposal in; its whole wording can still be proposed. */
export const NOTICE_EMPTY_PARAGRAPH = 'This paragraph is empty: propose its wording with "Propose alternative wording"';
const NOTICE_TOO_LONG = `Proposed text is limited to ${PROPOSAL_TEXT_MAX_LENGTH} characters`;

/** The paragraph the selection is in, its id, its Yjs text and the selection as offsets in it. */
export interface ProposeSpot {
  paragraph: PMNode;
  paragraphId: string;
  text: Y.XmlText;
  /** Position of the paragraph's first character. */
  start: number;
  from: number;
  to: number;
}

/** The selection's paragraph if proposals can be made there, else the notice saying why not. */
export function proposeSpot(state: EditorState): ProposeSpot | { notice: string } {
  const { selection } = state;
  const { $from, $to } = selection;
  if (!(selection instanceof TextSelection) || !$from.sameParent($to)) return { notice: NOTICE_ONE_PARAGRAPH };
  const paragraph = $from.parent;
  const paragraphId = paragraph.attrs.id as string | null;
  const binding = yBinding(state);
  const text = binding && xmlTextOf(binding, paragraph);
  if (!PROPOSABLE_TYPES.has(paragraph.type.name) || !paragraphId) return { notice: NOTICE_NOT_PROPOSABLE };
  if (!text) return { notice: paragraph.content.size === 0 ? NOTICE_EMPTY_PARAGRAPH : NOTICE_NOT_PROPOSABLE };
  return { paragraph, paragraphId, text, start: $from.start(), from: $from.parentOffset, to: $to.parentOffset };
}

/**
 * Turns typing, pasting and erasing in Propose mode into proposals of the person's
 * delegation, as Google Docs' suggesting mode does: typing at a point inserts, over a
 * selection replaces, erasing deletes; typing or erasing right where the delegation's own
 * pending proposal shows extends or shortens that proposal instead of making a new one.
 */
export function proposeIntent(state: EditorState, input: ProposeInput, delegation: string, proposals: readonly ShownProposal[]): ProposeIntent {
  const spot = proposeSpot(state);
  if ('notice' in spot) return { type: 'refuse', notice: spot.notice };
  const own = ownPlaces(state, spot, delegation, proposals);
  return input.type === 'text' ? typed(spot, input.text, own) : erased(spot, input.direction, own);
}

/** One of the delegation's pending proposals in this paragraph, as offsets in it. */
interface OwnPlace {
  proposal: ShownProposal;
  from: number;
  to: number;
}

function ownPlaces(state: EditorState, spot: ProposeSpot, delegation: string, proposals: readonly ShownProposal[]): OwnPlace[] {
  const places: OwnPlace[] = [];
  for (const proposal of proposals) {
    if (proposal.delegation !== delegation || !proposal.anchor || proposal.paragraphId !== spot.paragraphId) continue;
    const place = anchorPlace(state, proposal.anchor);
    if (place) places.push({ proposal, from: place.from - spot.start, to: place.to - spot.start });
  }
  return places;
}

function typed(spot: ProposeSpot, raw: string, own: OwnPlace[]): ProposeIntent {
  // Proposed wording is one paragraph: pasted line breaks become spaces.
  const text = raw.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  if (!text) return { type: 'nothing' };
  const caret = spot.start + spot.to;
  if (spot.from === spot.to) {
    const growing = own.find(({ proposal, from, to }) => (proposal.kind === 'insert' && from === spot.from) || (proposal.kind === 'replace' && to === spot.from));
    if (growing) {
      const longer = (growing.proposal.text ?? '') + text;
      if (longer.length > PROPOSAL_TEXT_MAX_LENGTH) return { type: 'refuse', notice: NOTICE_TOO_LONG };
      return { type: 'edit', id: growing.proposal.id, text: longer, caret };
    }
  }
  if (text.length > PROPOSAL_TEXT_MAX_LENGTH) return { type: 'refuse', notice: NOTICE_TOO_LONG };
  const anchor = spot.from === spot.to ? pointAnchor(spot.text, spot.from, spot.paragraphId) : rangeAnchor(spot.text, spot.from, spot.to, spot.paragraphId);
  return { type: 'create', proposal: { kind: spot.from === spot.to ? 'insert' : 'replace', anchor, text }, caret };
}

function erased(spot: ProposeSpot, direction: 'backward' | 'forward', own: OwnPlace[]): ProposeIntent {
  const { from, to, start, paragraphId, text } = spot;
  if (from !== to) return { type: 'create', proposal: { kind: 'delete', anchor: rangeAnchor(text, from, to, paragraphId) }, caret: start + from };
  if (direction === 'backward') {
    const shrinking = own.find(({ proposal, from: at, to: end }) => (proposal.kind === 'insert' && at === from) || (proposal.kind === 'replace' && end === from));
    if (shrinking) return shortened(shrinking, start + from);
  }
  // Erasing at either edge of the delegation's own pending deletion stretches it by one character.
  const deletion = own.find(({ proposal, from: at, to: end }) => proposal.kind === 'delete' && (at === from || end === from));
  const [first, last] = deletion ? [deletion.from, deletion.to] : [from, from];
  if (direction === 'backward') return first === 0 ? { type: 'nothing' } : deleting(spot, deletion, first - 1, last, start + first - 1);
  return last >= spot.paragraph.content.size ? { type: 'nothing' } : deleting(spot, deletion, first, last + 1, start + last + 1);
}

/** Backspace at the end of the delegation's own inserted or replacing words takes their last character off. */
function shortened({ proposal, from, to }: OwnPlace, caret: number): ProposeIntent {
  const characters = [...(proposal.text ?? '')];
  characters.pop();
  const text = characters.join('');
  if (text) return { type: 'edit', id: proposal.id, text, caret };
  if (proposal.kind === 'replace' && proposal.anchor && to > from) return { type: 'withdraw', id: proposal.id, then: { kind: 'delete', anchor: proposal.anchor }, caret };
  return { type: 'withdraw', id: proposal.id, caret };
}

/** A new deletion of [from, to), or the delegation's own pending one stretched to it. */
function deleting({ text, paragraphId }: ProposeSpot, own: OwnPlace | undefined, from: number, to: number, caret: number): ProposeIntent {
  const anchor = rangeAnchor(text, from, to, paragraphId);
  return own ? { type: 'edit', id: own.proposal.id, anchor, caret } : { type: 'create', proposal: { kind: 'delete', anchor }, caret };
}
