import * as Y from 'yjs';
import { applyProposal } from '../../../server/domain/proposals/applyProposal';
import { producedRanges } from '../../../server/domain/proposals/producedRanges';
import { pointAnchor, rangeAnchor } from '../../../shared/proposalAnchors';
import type { ProposalView } from '../../../shared/proposals';
import { idOf, liveDraft, ops, plain, proposal, replicaOf, sync, textOf } from './proposalFixture';

const OP = 'Urges Member States to take extreme measures;';

function setUp() {
  const server = liveDraft({ operative: ops(OP, 'Decides to remain seized of the matter.') });
  const op = idOf(server, 'Urges');
  textOf(server, op).format(0, 5, { em: {} });
  return { server, browser: replicaOf(server), op };
}

/** Accepts on the server and returns the proposal as stored afterwards, with its result. */
function accept(server: Y.Doc, pending: ProposalView, newId = 'p-new0000001'): ProposalView {
  const result = server.transact(() => applyProposal(server, pending, () => newId));
  return { ...pending, status: 'accepted', result };
}

describe('producedRanges', () => {
  it('finds the words each accepted proposal wrote, in text order', () => {
    const { server, op } = setUp();
    const replace = accept(server, proposal({ kind: 'replace', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 0, 5, op), text: 'Encourages' }));
    const insert = accept(server, proposal({ kind: 'insert', paragraphId: op, anchor: pointAnchor(textOf(server, op), 33, op), text: 'very ' }));
    expect(plain(server, op)).toBe('Encourages Member States to take very extreme measures;');
    expect(producedRanges(server, op, [insert, replace])).toEqual([
      { proposalId: replace.id, paragraphId: op, start: 0, end: 10, text: 'Encourages' },
      { proposalId: insert.id, paragraphId: op, start: 33, end: 38, text: 'very ' },
    ]);
  });

  it('reports both brackets of a bracket proposal, and nothing for a delete', () => {
    const { server, op } = setUp();
    const bracket = accept(server, proposal({ kind: 'bracket', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 28, 35, op) }));
    const deletion = accept(server, proposal({ kind: 'delete', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 6, 13, op) }));
    expect(producedRanges(server, op, [bracket, deletion]).map(({ start, text }) => [start, text])).toEqual([[21, '['], [29, ']']]);
  });

  it('splits a range where someone typed inside it, and leaves out what was deleted since', () => {
    const { server, browser, op } = setUp();
    const alternative = accept(server, proposal({ kind: 'alternative', paragraphId: op, text: 'Calls upon all Member States to act;' }));
    sync(server, browser);
    const text = textOf(browser, op);
    text.insert(text.toString().indexOf(' to act'), ' and observers');
    text.delete(text.toString().indexOf('all '), 4);
    sync(server, browser);
    expect(plain(server, op)).toBe('Calls upon Member States and observers to act;');
    expect(producedRanges(server, op, [alternative]).map(({ start, end, text: words }) => [start, end, words])).toEqual([
      [0, 24, 'Calls upon Member States'],
      [38, 46, ' to act;'],
    ]);
  });

  it('traces a new paragraph to its proposal under the new id', () => {
    const { server, op } = setUp();
    const added = accept(server, proposal({ kind: 'new_paragraph', paragraphId: op, paragraphType: 'operative_paragraph', level: 1, text: 'in the field of prevention;' }), 'p-fresh000001');
    expect(producedRanges(server, 'p-fresh000001', [added])).toEqual([{ proposalId: added.id, paragraphId: 'p-fresh000001', start: 0, end: 27, text: 'in the field of prevention;' }]);
    expect(producedRanges(server, op, [added])).toEqual([]);
    expect(producedRanges(server, 'p-nowhere', [added])).toEqual([]);
  });

  it('finds the words after the document went through an update round trip (another replica, a restart)', () => {
    const { server, op } = setUp();
    const replace = accept(server, proposal({ kind: 'replace', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 28, 35, op), text: 'bold' }));
    const reloaded = replicaOf(server);
    expect(producedRanges(reloaded, op, [replace])).toEqual([{ proposalId: replace.id, paragraphId: op, start: 28, end: 32, text: 'bold' }]);
  });
});
