import * as Y from 'yjs';
import { applyProposal } from '../../../server/domain/proposals/applyProposal';
import { supersededBy } from '../../../server/domain/proposals/supersededBy';
import { pointAnchor, rangeAnchor } from '../../../shared/proposalAnchors';
import type { ProposalView } from '../../../shared/proposals';
import { idOf, liveDraft, ops, plain, proposal, replicaOf, sync, textOf } from './proposalFixture';

const OP = 'Urges Member States to take extreme measures;';
const EXTREME = [28, 35] as const;

function setUp() {
  const server = liveDraft({ operative: ops(OP, 'Decides to remain seized of the matter.') });
  const browser = replicaOf(server);
  const op = idOf(server, 'Urges');
  const other = idOf(server, 'Decides');
  /** Anchors made in the browser, as delegations make them. */
  const range = (start: number, end: number, kind: 'replace' | 'delete' | 'bracket', text: string | null = null) =>
    proposal({ kind, paragraphId: op, anchor: rangeAnchor(textOf(browser, op), start, end, op), text });
  const point = (index: number, text: string) => proposal({ kind: 'insert', paragraphId: op, anchor: pointAnchor(textOf(browser, op), index, op), text });
  return { server, browser, op, other, range, point };
}

/** Accepts on the server and asks which of `pending` it superseded. */
function acceptAndSupersede(server: Y.Doc, accepted: ProposalView, pending: ProposalView[]): string[] {
  server.transact(() => applyProposal(server, accepted, () => 'p-new0000001'));
  return supersededBy(server, accepted, [accepted, ...pending]);
}

describe('supersededBy', () => {
  it('after a replace: proposals on the same or overlapping words, and inserts inside them; not those beside them', () => {
    const { server, browser, op, other, range, point } = setUp();
    const accepted = range(...EXTREME, 'replace', 'bold');
    const sameWords = range(...EXTREME, 'delete');
    const overlapping = range(23, 35, 'bracket');
    const insideInsert = point(30, 'X');
    const beforeInsert = point(28, 'very ');
    const afterInsert = point(35, ', urgent');
    const elsewhereInParagraph = range(6, 19, 'delete');
    const touching = range(35, 44, 'replace', 'steps');
    const alternative = proposal({ kind: 'alternative', paragraphId: op, text: 'Calls upon States;' });
    const otherParagraph = proposal({ kind: 'delete', paragraphId: other, anchor: rangeAnchor(textOf(browser, other), 0, 7, other) });
    const decided = { ...range(...EXTREME, 'delete'), status: 'rejected' as const };
    sync(server, browser);
    const moot = acceptAndSupersede(server, accepted, [sameWords, overlapping, insideInsert, beforeInsert, afterInsert, elsewhereInParagraph, touching, alternative, otherParagraph, decided]);
    expect(plain(server, op)).toBe('Urges Member States to take bold measures;');
    expect(moot.sort()).toEqual([sameWords.id, overlapping.id, insideInsert.id].sort());
  });

  it('after a delete: a range it cut into, though some of its words remain', () => {
    const { server, range, point } = setUp();
    const accepted = range(...EXTREME, 'delete');
    const cut = range(23, 31, 'replace', 'adopt');
    const inside = point(31, 'ly');
    const after = range(36, 44, 'bracket');
    expect(acceptAndSupersede(server, accepted, [cut, inside, after]).sort()).toEqual([cut.id, inside.id].sort());
  });

  it('after an insert: ranges strictly around its point, not ranges ending or starting there', () => {
    const { server, range, point } = setUp();
    const accepted = point(28, 'very ');
    const around = range(23, 35, 'delete');
    const starting = range(...EXTREME, 'bracket');
    const ending = range(23, 27, 'replace', 'adopt');
    const samePoint = point(28, 'truly ');
    expect(acceptAndSupersede(server, accepted, [around, starting, ending, samePoint])).toEqual([around.id]);
  });

  it('after a bracket: only overlapping brackets; the proposals on the bracketed words stay', () => {
    const { server, op, range, point } = setUp();
    const accepted = range(...EXTREME, 'bracket');
    const sameBracket = range(...EXTREME, 'bracket');
    const wider = range(23, 44, 'bracket');
    const replace = range(...EXTREME, 'replace', 'bold');
    const insert = point(30, 'X');
    expect(acceptAndSupersede(server, accepted, [sameBracket, wider, replace, insert]).sort()).toEqual([sameBracket.id, wider.id].sort());
    expect(plain(server, op)).toBe('Urges Member States to take [extreme] measures;');
  });

  it('after an alternative: every other wording proposal on the paragraph, not new paragraphs after it', () => {
    const { server, op, other, range, point } = setUp();
    const accepted = proposal({ kind: 'alternative', paragraphId: op, text: 'Calls upon States to act;' });
    const rival = proposal({ kind: 'alternative', paragraphId: op, text: 'Invites States to act;' });
    const anchored = [range(0, 5, 'replace', 'Encourages'), point(5, ' also'), range(6, 12, 'bracket')];
    const newAfter = proposal({ kind: 'new_paragraph', paragraphId: op, paragraphType: 'operative_paragraph', text: 'Decides;' });
    const elsewhere = proposal({ kind: 'alternative', paragraphId: other, text: 'Decides to conclude;' });
    expect(acceptAndSupersede(server, accepted, [rival, ...anchored, newAfter, elsewhere]).sort()).toEqual([rival.id, ...anchored.map((p) => p.id)].sort());
  });

  it('after a new paragraph: nothing', () => {
    const { server, op, range } = setUp();
    const accepted = proposal({ kind: 'new_paragraph', paragraphId: op, paragraphType: 'operative_paragraph', text: 'Decides;' });
    expect(acceptAndSupersede(server, accepted, [range(0, 5, 'delete'), proposal({ kind: 'new_paragraph', paragraphId: op, paragraphType: 'operative_paragraph', text: 'Notes;' })])).toEqual([]);
  });

  it('compares ranges by their words, whatever others typed around and inside them before the accept', () => {
    const { server, browser, op, range, point } = setUp();
    const accepted = range(...EXTREME, 'replace', 'bold');
    const before = range(23, 27, 'delete');
    const beforeInsert = point(28, 'very ');
    textOf(browser, op).insert(28, 'truly ');
    textOf(browser, op).insert(30, 'XX');
    textOf(server, op).insert(0, 'Also ');
    sync(server, browser);
    expect(acceptAndSupersede(server, accepted, [before, beforeInsert])).toEqual([]);
    sync(server, browser);
    expect(plain(browser, op)).toBe('Also Urges Member States to take trXXuly bold measures;');
  });
});
