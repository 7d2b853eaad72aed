import * as Y from 'yjs';
import { applyProposal } from '../../../server/domain/proposals/applyProposal';
import { producedRanges } from '../../../server/domain/proposals/producedRanges';
import { assertUpdateFitsSchema } from '../../../server/collab/validateContent';
import { ClientUpdate } from '../../../server/collab/clientUpdate';
import { pointAnchor, rangeAnchor, resolveProposalAnchor } from '../../../shared/proposalAnchors';
import type { ProposalAnchor } from '../../../shared/proposals';
import { pick, seededRandom } from '../../helpers/seededRandom';
import { idOf, liveDraft, ops, plain, proposal, replicaOf, sync, textOf } from './proposalFixture';

const OP = 'Urges Member States to take extreme measures;';
const KINDS = ['replace', 'insert', 'delete', 'bracket'] as const;
const WORDS = { replace: 'bold', insert: 'very ', delete: null, bracket: null };
const WRITTEN = { replace: 'bold', insert: 'very ', delete: '', bracket: '[]' };

/** Types or deletes in `doc`'s paragraph, only outside the anchored words (a point has none). */
function editOutside(random: () => number, doc: Y.Doc, op: string, anchor: ProposalAnchor): void {
  const text = textOf(doc, op);
  const range = resolveProposalAnchor(doc, anchor)!;
  const before = random() < 0.5;
  if (random() < 0.6 || text.length < 30) {
    const at = before ? Math.floor(random() * (range.start + 1)) : range.end + Math.floor(random() * (text.length - range.end + 1));
    text.insert(at, pick(random, ['also ', ', strongly', 'X', ' bis']));
  } else {
    const at = before ? Math.floor(random() * range.start) : range.end + Math.floor(random() * (text.length - range.end));
    const room = before ? range.start - at : text.length - at;
    if (room > 0) text.delete(at, Math.min(room, 1 + Math.floor(random() * 4)));
  }
}

describe('applyProposal under concurrent edits (seeded)', () => {
  it('changes exactly the anchored words, whatever others type around them before and during the accept', () => {
    for (let round = 0; round < 80; round++) {
      const random = seededRandom(round + 1);
      const server = liveDraft({ operative: ops(OP) });
      const op = idOf(server, 'Urges');
      const browser = replicaOf(server);
      const kind = KINDS[round % KINDS.length];
      const anchor = kind === 'insert' ? pointAnchor(textOf(browser, op), 28, op) : rangeAnchor(textOf(browser, op), 28, 35, op);
      for (let step = 0; step < 10; step++) {
        editOutside(random, random() < 0.5 ? server : browser, op, anchor);
        if (random() < 0.3) sync(server, browser);
      }
      sync(server, browser);

      const before = plain(server, op);
      const { start, end } = resolveProposalAnchor(server, anchor)!;
      const snapshot = replicaOf(server);
      const updates: Uint8Array[] = [];
      server.on('update', (update: Uint8Array) => updates.push(update));
      const accepted = proposal({ kind, paragraphId: op, anchor, text: WORDS[kind] });
      const result = server.transact(() => applyProposal(server, accepted, () => 'p-unused00001'));
      updates.forEach((update) => assertUpdateFitsSchema(new ClientUpdate(snapshot, update)));
      const expected = {
        replace: before.slice(0, start) + 'bold' + before.slice(end),
        insert: before.slice(0, start) + 'very ' + before.slice(start),
        delete: before.slice(0, start) + before.slice(end),
        bracket: `${before.slice(0, start)}[${before.slice(start, end)}]${before.slice(end)}`,
      }[kind];
      expect(plain(server, op)).toBe(expected);

      // The browser typed while the server applied; both converge, and the accepted words are traceable.
      editOutside(random, browser, op, anchor);
      sync(server, browser);
      expect(plain(browser, op)).toBe(plain(server, op));
      const traced = producedRanges(browser, op, [{ ...accepted, status: 'accepted', result }]);
      expect(traced.map((range) => range.text).join('')).toBe(WRITTEN[kind]);
      for (const range of traced) expect(plain(browser, op).slice(range.start, range.end)).toBe(range.text);
    }
  });
});
