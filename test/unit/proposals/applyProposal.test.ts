import * as Y from 'yjs';
import { applyProposal } from '../../../server/domain/proposals/applyProposal';
import { DomainError } from '../../../server/domain/domainError';
import { assertUpdateFitsSchema } from '../../../server/collab/validateContent';
import { ClientUpdate } from '../../../server/collab/clientUpdate';
import { pointAnchor, rangeAnchor } from '../../../shared/proposalAnchors';
import type { ProposalView } from '../../../shared/proposals';
import { elementOf, idOf, liveDraft, ops, plain, proposal, proseMirrorDoc, replicaOf, sync, textOf } from './proposalFixture';

const OP = 'Urges Member States to take extreme measures;';

function setUp() {
  const server = liveDraft({ preambular: ['Recalling its resolution 70/1,'], operative: ops(OP, 'Decides to remain seized of the matter.') });
  const op = idOf(server, 'Urges');
  // The lead verb in italics, as y-prosemirror stores an em mark.
  textOf(server, op).format(0, 5, { em: {} });
  const browser = replicaOf(server);
  return { server, browser, op, pp: idOf(server, 'Recalling'), last: idOf(server, 'Decides') };
}

/** Accepts as the room does (one server transaction) and checks the update against the server's schema check. */
function accept(server: Y.Doc, accepted: ProposalView, newId = 'p-new0000001') {
  const before = replicaOf(server);
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array) => updates.push(update);
  server.on('update', capture);
  try {
    const result = server.transact(() => applyProposal(server, accepted, () => newId), { source: 'server', authorId: accepted.authorId });
    for (const update of updates) assertUpdateFitsSchema(new ClientUpdate(before, update));
    proseMirrorDoc(server);
    return result;
  } finally {
    server.off('update', capture);
  }
}

/** Asserts that applying throws a 409 and leaves the document exactly as it was. */
function expectConflictWithoutChange(server: Y.Doc, refused: ProposalView): void {
  const before = Y.encodeStateAsUpdate(server);
  let error: unknown = null;
  try {
    server.transact(() => applyProposal(server, refused, () => 'p-new0000001'));
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).status).toBe(409);
  expect(Buffer.from(Y.encodeStateAsUpdate(server))).toEqual(Buffer.from(before));
}

/** The marks of the character at `index` of a paragraph, as ProseMirror reads them. */
function marksAt(server: Y.Doc, paragraphId: string, index: number): string[] {
  let marks: string[] = [];
  proseMirrorDoc(server).descendants((node) => {
    if (node.attrs.id !== paragraphId) return true;
    let offset = 0;
    node.forEach((child) => {
      if (index >= offset && index < offset + child.nodeSize) marks = child.marks.map((mark) => mark.type.name);
      offset += child.nodeSize;
    });
    return false;
  });
  return marks;
}

describe('applyProposal', () => {
  it('replaces the range, keeping the marks of the first replaced character, and records what it wrote', () => {
    const { server, op } = setUp();
    const result = accept(server, proposal({ kind: 'replace', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 0, 5, op), text: 'Encourages' }));
    expect(plain(server, op)).toContain('Encourages Member States');
    expect(marksAt(server, op, 0)).toEqual(['em']);
    expect(marksAt(server, op, 9)).toEqual(['em']);
    expect(marksAt(server, op, 11)).toEqual([]);
    expect(result.paragraphId).toBe(op);
    expect(result.produced).toMatchObject({ client: server.clientID, clock: expect.any(Number) });
    expect(result.produced!.length).toBeGreaterThanOrEqual('Encourages'.length);
  });

  it('gives replacing words no marks when the replaced ones had none', () => {
    const { server, op } = setUp();
    accept(server, proposal({ kind: 'replace', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 28, 35, op), text: 'bold' }));
    expect(xml(server, op)).toBe('<em>Urges</em> Member States to take bold measures;');
  });

  it('inserts at the point, before words someone else typed exactly there', () => {
    const { server, browser, op } = setUp();
    const insert = proposal({ kind: 'insert', paragraphId: op, anchor: pointAnchor(textOf(browser, op), 28, op), text: 'very ' });
    textOf(browser, op).insert(28, 'truly ');
    sync(server, browser);
    const result = accept(server, insert);
    expect(plain(server, op)).toBe('Urges Member States to take very truly extreme measures;');
    expect(result.produced?.length).toBe(5);
  });

  it('deletes the range and reports that it wrote nothing', () => {
    const { server, op } = setUp();
    const result = accept(server, proposal({ kind: 'delete', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 27, 35, op) }));
    expect(plain(server, op)).toBe('Urges Member States to take measures;');
    expect(result).toEqual({ paragraphId: op, produced: null });
  });

  it('brackets the range with literal square brackets, in the marks of the words they touch', () => {
    const { server, op } = setUp();
    accept(server, proposal({ kind: 'bracket', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 0, 12, op) }));
    expect(xml(server, op)).toBe('<em>[Urges</em> Member] States to take extreme measures;');
  });

  it('writes an alternative as the whole text of the paragraph, which keeps its id and level', () => {
    const { server, op } = setUp();
    const result = accept(server, proposal({ kind: 'alternative', paragraphId: op, text: 'Calls upon Member States to act;' }));
    expect(plain(server, op)).toBe('Calls upon Member States to act;');
    expect(elementOf(server, op).getAttribute('level')).toBe(0);
    expect(result).toEqual({ paragraphId: op, produced: { client: server.clientID, clock: expect.any(Number), length: expect.any(Number) } });
  });

  it('adds a new operative sub-paragraph right after the one named, with a fresh id and its level', () => {
    const { server, op, last } = setUp();
    const result = accept(server, proposal({ kind: 'new_paragraph', paragraphId: op, paragraphType: 'operative_paragraph', level: 1, text: 'in the field of prevention;' }), 'p-fresh000001');
    const operative = elementOf(server, op).parent as Y.XmlElement;
    expect(operative.toArray().map((element) => (element as Y.XmlElement).getAttribute('id'))).toEqual([op, 'p-fresh000001', last]);
    const added = elementOf(server, 'p-fresh000001');
    expect(added.nodeName).toBe('operative_paragraph');
    expect(added.getAttribute('level')).toBe(1);
    expect(plain(server, 'p-fresh000001')).toBe('in the field of prevention;');
    expect(result.paragraphId).toBe('p-fresh000001');
    expect(result.produced?.client).toBe(server.clientID);
  });

  it('adds a new preambular paragraph after the formula as the first PP', () => {
    const { server, pp } = setUp();
    const formula = idOf(server, 'The Commission');
    accept(server, proposal({ kind: 'new_paragraph', paragraphId: formula, paragraphType: 'preambular_paragraph', text: 'Bearing in mind,' }));
    const preamble = elementOf(server, formula).parent as Y.XmlElement;
    expect(preamble.toArray().map((element) => (element as Y.XmlElement).getAttribute('id'))).toEqual([formula, 'p-new0000001', pp]);
    expect(elementOf(server, 'p-new0000001').getAttribute('level')).toBeUndefined();
  });

  it('replaces what the range covers after others typed before, inside and after it', () => {
    const { server, browser, op } = setUp();
    const replace = proposal({ kind: 'replace', paragraphId: op, anchor: rangeAnchor(textOf(browser, op), 28, 35, op), text: 'bold' });
    textOf(browser, op).insert(35, ' and urgent');
    textOf(browser, op).insert(30, 'XX');
    textOf(server, op).insert(6, 'all ');
    sync(server, browser);
    accept(server, replace);
    expect(plain(server, op)).toBe('Urges all Member States to take bold and urgent measures;');
  });

  it('converges with a browser that typed while the server applied', () => {
    const { server, browser, op } = setUp();
    const replace = proposal({ kind: 'replace', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 28, 35, op), text: 'bold' });
    accept(server, replace);
    textOf(browser, op).insert(OP.length - 1, ' now');
    textOf(browser, op).insert(0, 'Also: ');
    sync(server, browser);
    expect(plain(browser, op)).toBe('Also: Urges Member States to take bold measures now;');
    expect(plain(server, op)).toBe(plain(browser, op));
  });

  it('refuses (409) every kind once the paragraph was deleted, changing nothing', () => {
    const { server, browser, op } = setUp();
    const pending = [
      proposal({ kind: 'replace', paragraphId: op, anchor: rangeAnchor(textOf(browser, op), 28, 35, op), text: 'bold' }),
      proposal({ kind: 'insert', paragraphId: op, anchor: pointAnchor(textOf(browser, op), 28, op), text: 'very ' }),
      proposal({ kind: 'delete', paragraphId: op, anchor: rangeAnchor(textOf(browser, op), 28, 35, op) }),
      proposal({ kind: 'bracket', paragraphId: op, anchor: rangeAnchor(textOf(browser, op), 28, 35, op) }),
      proposal({ kind: 'alternative', paragraphId: op, text: 'Calls upon States;' }),
      proposal({ kind: 'new_paragraph', paragraphId: op, paragraphType: 'operative_paragraph', text: 'Decides;' }),
    ];
    (elementOf(browser, op).parent as Y.XmlElement).delete(0, 1);
    sync(server, browser);
    for (const refused of pending) expectConflictWithoutChange(server, refused);
  });

  it('refuses (409) a replace whose words were deleted meanwhile, changing nothing', () => {
    const { server, browser, op } = setUp();
    const replace = proposal({ kind: 'replace', paragraphId: op, anchor: rangeAnchor(textOf(server, op), 28, 35, op), text: 'bold' });
    textOf(browser, op).delete(27, 8);
    sync(server, browser);
    expectConflictWithoutChange(server, replace);
  });
});

/** The paragraph's text with em marks written as tags. */
function xml(server: Y.Doc, paragraphId: string): string {
  return (textOf(server, paragraphId).toDelta() as Array<{ insert: string; attributes?: { em?: object } }>)
    .map((op) => (op.attributes?.em ? `<em>${op.insert}</em>` : op.insert))
    .join('');
}
