import * as Y from 'yjs';
import { checkProposalAgainstDocument, type ProposalInput } from '../../../server/domain/proposals/checkProposal';
import { DomainError } from '../../../server/domain/domainError';
import { pointAnchor, rangeAnchor } from '../../../shared/proposalAnchors';
import { elementOf, idOf, liveDraft, ops, replicaOf, sync, textOf } from './proposalFixture';

const OP = 'Urges Member States to take extreme measures;';

function setUp() {
  const doc = liveDraft({ preambular: ['Recalling its resolution 70/1,'], operative: ops(OP, [1, 'in the field of prevention;']) });
  const op = idOf(doc, 'Urges');
  const pp = idOf(doc, 'Recalling');
  return { doc, op, pp, extreme: rangeAnchor(textOf(doc, op), 28, 35, op) };
}

/** The refusal the check throws: its status and message. */
function refusal(doc: Y.Doc, input: ProposalInput): { status: number; message: string } {
  try {
    checkProposalAgainstDocument(doc, input);
  } catch (err) {
    if (err instanceof DomainError) return { status: err.status, message: err.message };
    throw err;
  }
  throw new Error('the proposal was accepted');
}

describe('checkProposalAgainstDocument', () => {
  it('accepts each kind in its right shape and names the paragraph it concerns', () => {
    const { doc, op, pp, extreme } = setUp();
    expect(checkProposalAgainstDocument(doc, { kind: 'replace', anchor: extreme, text: 'bold' })).toEqual({ paragraphId: op, quote: 'extreme' });
    expect(checkProposalAgainstDocument(doc, { kind: 'delete', anchor: extreme })).toEqual({ paragraphId: op, quote: 'extreme' });
    expect(checkProposalAgainstDocument(doc, { kind: 'bracket', anchor: extreme })).toEqual({ paragraphId: op, quote: 'extreme' });
    expect(checkProposalAgainstDocument(doc, { kind: 'insert', anchor: pointAnchor(textOf(doc, op), 28, op), text: 'very ' })).toEqual({ paragraphId: op, quote: '' });
    expect(checkProposalAgainstDocument(doc, { kind: 'alternative', paragraphId: pp, text: 'Recalling also,' })).toEqual({ paragraphId: pp, quote: null });
    expect(checkProposalAgainstDocument(doc, { kind: 'new_paragraph', afterParagraphId: op, paragraphType: 'operative_paragraph', level: 1, text: 'in the field of cooperation;' })).toEqual({ paragraphId: op, quote: null });
    const formula = idOf(doc, 'The Commission');
    expect(checkProposalAgainstDocument(doc, { kind: 'new_paragraph', afterParagraphId: formula, paragraphType: 'preambular_paragraph', text: 'Bearing in mind,' }).paragraphId).toBe(formula);
  });

  it('reports the live words, not the quote the client claims', () => {
    const { doc, extreme } = setUp();
    expect(checkProposalAgainstDocument(doc, { kind: 'delete', anchor: { ...extreme, quote: 'all' } }).quote).toBe('extreme');
  });

  it('names every field a kind is missing', () => {
    const { doc, op, extreme } = setUp();
    expect(refusal(doc, { kind: 'replace' })).toEqual({ status: 400, message: 'a replace proposal is missing anchor, text' });
    expect(refusal(doc, { kind: 'insert', anchor: pointAnchor(textOf(doc, op), 0, op) })).toEqual({ status: 400, message: 'an insert proposal is missing text' });
    expect(refusal(doc, { kind: 'new_paragraph', text: 'x' }).message).toBe('a new_paragraph proposal is missing afterParagraphId, paragraphType');
    expect(refusal(doc, { kind: 'alternative', text: 'x' }).message).toBe('an alternative proposal is missing paragraphId');
    expect(refusal(doc, { kind: 'bracket' }).message).toBe('a bracket proposal is missing anchor');
    expect(refusal(doc, { kind: 'delete', anchor: extreme, text: 'x', paragraphId: op })).toEqual({ status: 400, message: 'a delete proposal takes no paragraphId, text' });
  });

  it('refuses empty wording', () => {
    const { doc, op, extreme } = setUp();
    expect(refusal(doc, { kind: 'replace', anchor: extreme, text: '  ' })).toEqual({ status: 400, message: 'the proposed text is empty' });
    expect(refusal(doc, { kind: 'alternative', paragraphId: op, text: '' }).message).toBe('the proposed text is empty');
  });

  it('refuses a point where a range is needed and a range for an insert', () => {
    const { doc, op, extreme } = setUp();
    const point = pointAnchor(textOf(doc, op), 28, op);
    expect(refusal(doc, { kind: 'delete', anchor: point })).toEqual({ status: 400, message: 'a delete proposal is anchored on a range of words, not a point' });
    expect(refusal(doc, { kind: 'bracket', anchor: point }).status).toBe(400);
    expect(refusal(doc, { kind: 'insert', anchor: extreme, text: 'x' })).toEqual({ status: 400, message: 'an insert proposal is anchored at a point' });
  });

  it('refuses unknown paragraphs with 404 and heading lines with 400', () => {
    const { doc, extreme } = setUp();
    expect(refusal(doc, { kind: 'alternative', paragraphId: 'p-nowhere', text: 'x' })).toEqual({ status: 404, message: 'unknown paragraph p-nowhere' });
    expect(refusal(doc, { kind: 'delete', anchor: { ...extreme, paragraphId: 'p-nowhere' } }).status).toBe(404);
    expect(refusal(doc, { kind: 'new_paragraph', afterParagraphId: 'p-nowhere', paragraphType: 'operative_paragraph', text: 'x' }).status).toBe(404);
    const title = idOf(doc, 'A test draft');
    expect(refusal(doc, { kind: 'alternative', paragraphId: title, text: 'Another title' })).toEqual({ status: 400, message: 'proposals are made on preambular and operative paragraphs, not on the title' });
    expect(refusal(doc, { kind: 'delete', anchor: rangeAnchor(textOf(doc, title), 0, 4, title) }).status).toBe(400);
    const formula = idOf(doc, 'The Commission');
    expect(refusal(doc, { kind: 'alternative', paragraphId: formula, text: 'x' }).status).toBe(400);
    expect(refusal(doc, { kind: 'new_paragraph', afterParagraphId: formula, paragraphType: 'operative_paragraph', text: 'x' }).status).toBe(400);
  });

  it('refuses an anchor naming another paragraph than the one its positions lie in (409)', () => {
    const { doc, pp, extreme } = setUp();
    expect(refusal(doc, { kind: 'delete', anchor: { ...extreme, paragraphId: pp } }).status).toBe(409);
  });

  it('refuses a new paragraph in the wrong section', () => {
    const { doc, op, pp } = setUp();
    expect(refusal(doc, { kind: 'new_paragraph', afterParagraphId: op, paragraphType: 'preambular_paragraph', text: 'Noting,' })).toEqual({ status: 400, message: 'a preambular paragraph goes in the preamble' });
    expect(refusal(doc, { kind: 'new_paragraph', afterParagraphId: pp, paragraphType: 'operative_paragraph', text: 'Decides;' })).toEqual({ status: 400, message: 'an operative paragraph goes in the operative part' });
    expect(refusal(doc, { kind: 'new_paragraph', afterParagraphId: pp, paragraphType: 'preambular_paragraph', level: 2, text: 'Noting,' })).toEqual({ status: 400, message: 'a preambular paragraph has no sub-paragraph level' });
  });

  it('refuses with 409 an anchor whose words another delegation deleted meanwhile', () => {
    const { doc, op } = setUp();
    const browser = replicaOf(doc);
    const anchor = rangeAnchor(textOf(browser, op), 28, 35, op);
    textOf(doc, op).delete(27, 9);
    sync(doc, browser);
    expect(refusal(doc, { kind: 'replace', anchor, text: 'bold' })).toEqual({ status: 409, message: 'the words of this proposal are no longer in its paragraph: they were changed or deleted' });
  });

  it('refuses an anchor whose paragraph was deleted meanwhile as an unknown paragraph (404)', () => {
    const { doc, op } = setUp();
    const browser = replicaOf(doc);
    const point = pointAnchor(textOf(browser, op), 5, op);
    const operative = elementOf(doc, op).parent as Y.XmlElement;
    operative.delete(0, 1);
    sync(doc, browser);
    // The paragraph id is unknown now: the client is told it does not exist.
    expect(refusal(doc, { kind: 'insert', anchor: point, text: 'x' }).status).toBe(404);
  });
});
