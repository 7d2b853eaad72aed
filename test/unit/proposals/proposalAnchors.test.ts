import * as Y from 'yjs';
import { isPointAnchor, pointAnchor, rangeAnchor, resolveProposalAnchor } from '../../../shared/proposalAnchors';
import { elementOf, idOf, liveDraft, ops, replicaOf, sync, textOf } from './proposalFixture';

const OP = 'Urges Member States to take extreme measures;';

function setUp() {
  const server = liveDraft({ preambular: ['Recalling its resolution 70/1,'], operative: ops(OP, 'Decides to remain seized of the matter.') });
  const browser = replicaOf(server);
  const op = idOf(server, 'Urges');
  return { server, browser, op };
}

/** The words a resolved anchor covers now. */
function covered(doc: Y.Doc, anchor: ReturnType<typeof rangeAnchor>): string | null {
  const at = resolveProposalAnchor(doc, anchor);
  return at && at.text.toString().slice(at.start, at.end);
}

describe('proposal anchors', () => {
  it('makes a range with its quote and a point with an empty one', () => {
    const { server, op } = setUp();
    const range = rangeAnchor(textOf(server, op), 28, 35, op);
    expect(range).toMatchObject({ paragraphId: op, quote: 'extreme' });
    expect(isPointAnchor(range)).toBe(false);
    const point = pointAnchor(textOf(server, op), 28, op);
    expect(point).toMatchObject({ paragraphId: op, quote: '' });
    expect(point.start).toBe(point.end);
    expect(resolveProposalAnchor(server, point)).toMatchObject({ start: 28, end: 28, paragraph: elementOf(server, op) });
  });

  it('follows its words while another delegation types before, inside and after them', () => {
    const { server, browser, op } = setUp();
    const anchor = rangeAnchor(textOf(browser, op), 28, 35, op);
    textOf(server, op).insert(0, 'Strongly ');
    textOf(browser, op).insert(OP.indexOf(' measures'), ' and urgent');
    sync(server, browser);
    expect(covered(server, anchor)).toBe('extreme');
    // Typing inside the range belongs to it.
    textOf(server, op).insert(textOf(server, op).toString().indexOf('treme'), 'XX');
    expect(covered(server, anchor)).toBe('exXXtreme');
  });

  it('keeps a point before text typed exactly there by someone else', () => {
    const { server, browser, op } = setUp();
    const point = pointAnchor(textOf(browser, op), 28, op);
    textOf(server, op).insert(28, 'very ');
    textOf(server, op).insert(0, 'Also ');
    sync(server, browser);
    const at = resolveProposalAnchor(browser, point)!;
    expect(textOf(browser, op).toString().slice(at.start)).toBe('very extreme measures;');
  });

  it('keeps a point at the start of a paragraph there', () => {
    const { server, op } = setUp();
    const point = pointAnchor(textOf(server, op), 0, op);
    textOf(server, op).insert(0, 'Also ');
    expect(resolveProposalAnchor(server, point)).toMatchObject({ start: 0, end: 0 });
  });

  it('keeps a point when the words around it are deleted', () => {
    const { server, op } = setUp();
    const point = pointAnchor(textOf(server, op), 28, op);
    textOf(server, op).delete(20, 15);
    expect(resolveProposalAnchor(server, point)).toMatchObject({ start: 20, end: 20 });
  });

  it('does not resolve when its words were deleted, even while others type around them', () => {
    const { server, browser, op } = setUp();
    const anchor = rangeAnchor(textOf(server, op), 28, 35, op);
    textOf(server, op).delete(28, 7);
    textOf(browser, op).insert(0, 'Also ');
    sync(server, browser);
    expect(resolveProposalAnchor(server, anchor)).toBeNull();
    expect(resolveProposalAnchor(browser, anchor)).toBeNull();
  });

  it('does not resolve once its paragraph is deleted, range or point', () => {
    const { server, browser, op } = setUp();
    const range = rangeAnchor(textOf(browser, op), 28, 35, op);
    const point = pointAnchor(textOf(browser, op), 5, op);
    const operative = elementOf(server, op).parent as Y.XmlElement;
    operative.delete(0, 1);
    sync(server, browser);
    expect(resolveProposalAnchor(browser, range)).toBeNull();
    expect(resolveProposalAnchor(browser, point)).toBeNull();
  });

  it('does not resolve when it names another paragraph than the one it lies in', () => {
    const { server, op } = setUp();
    const pp = idOf(server, 'Recalling');
    expect(resolveProposalAnchor(server, { ...rangeAnchor(textOf(server, op), 0, 5, op), paragraphId: pp })).toBeNull();
    expect(resolveProposalAnchor(server, { ...pointAnchor(textOf(server, op), 0, op), paragraphId: pp })).toBeNull();
  });

  it('does not resolve in heading lines, the formula or outside the draft', () => {
    const { server } = setUp();
    const title = idOf(server, 'A test draft');
    expect(resolveProposalAnchor(server, rangeAnchor(textOf(server, title), 0, 4, title))).toBeNull();
    const formula = idOf(server, 'The Commission');
    expect(resolveProposalAnchor(server, rangeAnchor(textOf(server, formula), 0, 4, formula))).toBeNull();
    const elsewhere = new Y.XmlElement('operative_paragraph');
    server.getXmlFragment('notes').insert(0, [elsewhere]);
    elsewhere.setAttribute('id', 'p-x');
    elsewhere.insert(0, [new Y.XmlText('Decides something;')]);
    expect(resolveProposalAnchor(server, rangeAnchor(elsewhere.get(0) as Y.XmlText, 0, 4, 'p-x'))).toBeNull();
  });

  it('does not resolve in another document or from garbage', () => {
    const { server, op } = setUp();
    const other = setUp();
    expect(resolveProposalAnchor(other.server, rangeAnchor(textOf(server, op), 0, 5, op))).toBeNull();
    expect(resolveProposalAnchor(server, { paragraphId: op, start: '!!', end: '!!', quote: '' })).toBeNull();
    expect(resolveProposalAnchor(server, { paragraphId: op, start: 'AAAA', end: '!!', quote: '' })).toBeNull();
  });
});
