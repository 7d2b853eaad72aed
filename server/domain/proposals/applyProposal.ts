import * as Y from 'yjs';
import type { NewParagraphType, ProposalResult, ProposalView } from '../../../shared/proposals';
import { DomainError } from '../domainError';
import { writeParagraphText } from '../oralRevisions/paragraphTextWriter';
import { anchoredText, newParagraphPlace, proposableParagraph } from './proposalTarget';

/** A change found to fit the live text, not made yet; making it returns the paragraph it landed in. */
type Write = () => string;

/**
 * Applies an accepted proposal to the live text. Call it inside the room's `changeAsServer`
 * transaction, so the change is attributed to the proposing delegation. Everything is looked up
 * before anything is written: when the anchor or paragraph no longer resolves it throws a
 * DomainError (409) having changed nothing. Returns the Yjs ids it wrote, so the text can be
 * traced back to the proposal (see producedRanges).
 */
export function applyProposal(doc: Y.Doc, proposal: ProposalView, newParagraphId: () => string): ProposalResult {
  const write = plan(doc, proposal, newParagraphId);
  const client = doc.clientID;
  const before = Y.getState(doc.store, client);
  const paragraphId = write();
  const length = Y.getState(doc.store, client) - before;
  return { paragraphId, produced: length > 0 ? { client, clock: before, length } : null };
}

function plan(doc: Y.Doc, proposal: ProposalView, newParagraphId: () => string): Write {
  const { kind, anchor } = proposal;
  if (kind === 'alternative') {
    const text = wording(proposal);
    const element = proposableParagraph(doc, proposal.paragraphId, 409);
    return () => {
      writeParagraphText(element, text);
      return proposal.paragraphId;
    };
  }
  if (kind === 'new_paragraph') {
    const text = wording(proposal);
    const type = required(proposal.paragraphType, 'paragraphType');
    const place = newParagraphPlace(doc, proposal.paragraphId, type, 409);
    return () => insertParagraph(place.section, place.index, { type, level: proposal.level ?? 0, id: newParagraphId(), text });
  }
  const at = anchoredText(doc, kind, required(anchor, 'anchor'), 409);
  const { text: yText, start, end } = at;
  const { paragraphId } = anchor!;
  switch (kind) {
    case 'insert': {
      const words = wording(proposal);
      // Without attributes Yjs gives the words the marks in effect at the point, as typing does.
      return () => (yText.insert(start, words), paragraphId);
    }
    case 'replace': {
      const words = wording(proposal);
      // The new words read as the old ones did: an italic lead verb stays italic.
      const marks = formattingAt(yText, start);
      return () => {
        yText.delete(start, end - start);
        yText.insert(start, words, marks);
        return paragraphId;
      };
    }
    case 'delete':
      return () => (yText.delete(start, end - start), paragraphId);
    case 'bracket': {
      const opening = formattingAt(yText, start);
      const closing = formattingAt(yText, end - 1);
      return () => {
        // The closing bracket first, so the opening one does not shift the range's end.
        yText.insert(end, ']', closing);
        yText.insert(start, '[', opening);
        return paragraphId;
      };
    }
  }
}

/** A new PP or OP, written the way y-prosemirror writes the editor's paragraphs. */
function insertParagraph(section: Y.XmlElement, index: number, paragraph: { type: NewParagraphType; level: number; id: string; text: string }): string {
  const element = new Y.XmlElement<{ id: string; level: number }>(paragraph.type);
  element.setAttribute('id', paragraph.id);
  if (paragraph.type === 'operative_paragraph') element.setAttribute('level', paragraph.level);
  element.insert(0, [new Y.XmlText(paragraph.text)]);
  // Yjs types children's attributes as strings; y-prosemirror writes `level` as the number it is.
  section.insert(index, [element as Y.XmlElement]);
  return paragraph.id;
}

/** The marks (y-prosemirror keeps them as formatting attributes) of the character at `index`. */
function formattingAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0;
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + length) return { ...op.attributes };
    offset += length;
  }
  return {};
}

function wording(proposal: ProposalView): string {
  const text = required(proposal.text, 'text');
  if (text.trim() === '') throw new DomainError('the proposed text is empty', 400);
  return text;
}

function required<T>(value: T | null, field: string): T {
  if (value === null) throw new DomainError(`the proposal has no ${field}`, 400);
  return value;
}
