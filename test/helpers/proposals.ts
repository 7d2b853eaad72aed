import * as Y from 'yjs';
import { pointAnchor, rangeAnchor } from '../../shared/proposalAnchors';
import type { ProposalAnchor, ProposalView } from '../../shared/proposals';
import { paragraphElementOf, paragraphText } from '../../server/domain/oralRevisions/paragraphTextWriter';
import { emitAck, type ClientSocket } from './socketClient';

/** The first text of a paragraph of a synced draft. */
function textOf(doc: Y.Doc, paragraphId: string): Y.XmlText {
  const element = paragraphElementOf(doc, paragraphId);
  if (!element) throw new Error(`no paragraph ${paragraphId}`);
  return element.get(0) as Y.XmlText;
}

/** A range anchor on `quote` in the paragraph, as the editor makes it. */
export function rangeOn(doc: Y.Doc, paragraphId: string, quote: string): ProposalAnchor {
  const text = textOf(doc, paragraphId);
  const index = text.toString().indexOf(quote);
  if (index < 0) throw new Error(`"${quote}" is not in ${paragraphId}`);
  return rangeAnchor(text, index, index + quote.length, paragraphId);
}

/** A point anchor right after `quote` in the paragraph. */
export function pointAfter(doc: Y.Doc, paragraphId: string, quote: string): ProposalAnchor {
  const text = textOf(doc, paragraphId);
  const index = text.toString().indexOf(quote);
  if (index < 0) throw new Error(`"${quote}" is not in ${paragraphId}`);
  return pointAnchor(text, index + quote.length, paragraphId);
}

/** Deletes `quote` from the paragraph, as a client typing directly would. */
export function deleteWords(doc: Y.Doc, paragraphId: string, quote: string): void {
  const text = textOf(doc, paragraphId);
  const index = text.toString().indexOf(quote);
  if (index < 0) throw new Error(`"${quote}" is not in ${paragraphId}`);
  text.delete(index, quote.length);
}

/** The paragraph's text as a client's document has it. */
export function textIn(doc: Y.Doc, paragraphId: string): string {
  return paragraphText(paragraphElementOf(doc, paragraphId)!);
}

/** Sends a proposal event and resolves with the proposal, failing the test with the server's error. */
export async function proposalOk(socket: ClientSocket, event: string, payload: unknown): Promise<ProposalView> {
  const ack = await emitAck<{ proposal: ProposalView }>(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error}`);
  return ack.proposal;
}
