import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { outlineToDoc } from '../../../shared/draftTemplate';
import { AKN_NAMESPACE, writeAkn } from '../../../server/documents/aknWriter';
import { acceptedText, type DraftModel } from '../../../server/documents/draftModel';
import { readDraft } from '../../../server/documents/readDraft';
import { sponsorNames } from '../../../server/documents/sponsorNames';
import { OUTLINE } from './exportFixture';

/** A parsed node with preserveOrder: { name: children, ':@': attributes }. */
type XmlNode = Record<string, unknown>;

const nameOf = (node: XmlNode) => Object.keys(node).find((key) => key !== ':@')!;
const childrenOf = (node: XmlNode) => (node[nameOf(node)] as XmlNode[] | undefined) ?? [];
const attr = (node: XmlNode, key: string) => (node[':@'] as Record<string, string> | undefined)?.[`@_${key}`];
const all = (nodes: XmlNode[], name: string) => nodes.filter((node) => nameOf(node) === name);
const one = (nodes: XmlNode[], name: string) => {
  const [found] = all(nodes, name);
  if (!found) throw new Error(`no <${name}>`);
  return found;
};
const textOf = (nodes: XmlNode[]): string => nodes.map((node) => (nameOf(node) === '#text' ? String(node['#text']) : textOf(childrenOf(node)))).join('');

function parse(xml: string): XmlNode[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', trimValues: false, parseTagValue: false }).parse(xml) as XmlNode[];
}

function exported(labels: ReadonlyMap<string, string> = new Map(), docJson = outlineToDoc(OUTLINE)) {
  const model = readDraft(docJson, labels, '2026-05-18T09:30:00.000Z');
  const root = one(parse(writeAkn(model, { exportedAt: '2026-12-01T12:00:00.000Z' })), 'akomaNtoso');
  return { docJson, model, root, statement: one(childrenOf(root), 'statement') };
}

interface Recovered {
  kind: 'pp' | 'op';
  level: number;
  text: string;
  eId: string;
}

/** Reads the paragraphs back from the AKN: preambular containers, then paragraphs and their points, depth first. */
function recovered(statement: XmlNode): Recovered[] {
  const preamble = childrenOf(one(childrenOf(statement), 'preamble'));
  const pps = all(preamble, 'container').map((c) => ({ kind: 'pp' as const, level: 0, text: textOf(childrenOf(c)), eId: attr(c, 'eId')! }));
  const walk = (node: XmlNode, level: number): Recovered[] => {
    const parts = childrenOf(node);
    const words = all(parts, 'content')[0] ?? one(parts, 'intro');
    const lists = all(parts, 'list');
    return [
      { kind: 'op', level, text: textOf(childrenOf(words)), eId: attr(node, 'eId')! },
      ...lists.flatMap((list) => all(childrenOf(list), 'point').flatMap((point) => walk(point, level + 1))),
    ];
  };
  const ops = all(childrenOf(one(childrenOf(statement), 'mainBody')), 'paragraph').flatMap((p) => walk(p, 0));
  return [...pps, ...ops];
}

function expected(model: DraftModel) {
  return model.paragraphs
    .filter((p) => p.type === 'preambular_paragraph' || p.type === 'operative_paragraph')
    .map((p) => ({ kind: p.type === 'preambular_paragraph' ? 'pp' : 'op', level: p.level, text: acceptedText(p.runs) }));
}

describe('the Akoma Ntoso writer', () => {
  it('writes a well-formed, namespaced akomaNtoso/statement with FRBR identification', () => {
    const { root, statement } = exported();
    expect(attr(root, 'xmlns')).toBe(AKN_NAMESPACE);
    expect(attr(statement, 'name')).toBe('draftResolution');
    const identification = childrenOf(one(childrenOf(one(childrenOf(statement), 'meta')), 'identification'));
    for (const level of ['FRBRWork', 'FRBRExpression', 'FRBRManifestation']) {
      const parts = childrenOf(one(identification, level));
      expect(parts.map(nameOf)).toEqual(expect.arrayContaining(['FRBRthis', 'FRBRuri', 'FRBRdate', 'FRBRauthor']));
      expect(attr(one(parts, 'FRBRdate'), 'date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const work = childrenOf(one(identification, 'FRBRWork'));
    expect(attr(one(work, 'FRBRthis'), 'value')).toBe('/akn/un/statement/draftResolution/2026-05-18/E-CN.15-2026-L.4/!main');
    expect(attr(one(childrenOf(one(identification, 'FRBRExpression')), 'FRBRlanguage'), 'language')).toBe('eng');
  });

  it('puts the symbol, title and each sponsor in the preface', () => {
    const { statement } = exported();
    const preface = childrenOf(one(childrenOf(statement), 'preface'));
    const inside = (name: string) => preface.flatMap((p) => all(childrenOf(p), name));
    expect(textOf(inside('docNumber'))).toBe('E/CN.15/2026/L.4');
    expect(textOf(inside('docTitle'))).toBe(OUTLINE.title);
    const proponents = preface.flatMap((p) => all(childrenOf(p), 'docProponent'));
    expect(proponents.map((p) => textOf(childrenOf(p)))).toEqual(['Belarus', 'Kazakhstan', 'Nigeria', 'Philippines']);
    expect(proponents.map((p) => attr(p, 'refersTo'))).toEqual(['#belarus', '#kazakhstan', '#nigeria', '#philippines']);
    // The sponsors line reads as it did, with the names marked in it.
    expect(textOf(childrenOf(preface.find((p) => attr(p, 'class') === 'sponsors')!))).toBe(OUTLINE.sponsors);
  });

  it('writes the formula and one container per preambular paragraph, lead words in <i>', () => {
    const { statement } = exported();
    const preamble = childrenOf(one(childrenOf(statement), 'preamble'));
    expect(textOf(childrenOf(one(preamble, 'formula')))).toBe(OUTLINE.formula);
    const containers = all(preamble, 'container');
    expect(containers).toHaveLength(OUTLINE.preambular.length);
    const firstP = childrenOf(one(childrenOf(containers[2]), 'p'));
    expect(nameOf(firstP[0])).toBe('i');
    expect(textOf(childrenOf(firstP[0]))).toBe('Deeply concerned');
  });

  it('round-trips: the paragraphs read back from the XML have the texts, kinds and levels of the draft', () => {
    const { model, statement } = exported();
    expect(recovered(statement).map(({ kind, level, text }) => ({ kind, level, text }))).toEqual(expected(model));
    const mainBody = childrenOf(one(childrenOf(statement), 'mainBody'));
    expect(textOf(childrenOf(one(childrenOf(mainBody[1]), 'num')))).toBe('2.');
    const points = all(childrenOf(one(childrenOf(mainBody[1]), 'list')), 'point');
    expect(points.map((point) => textOf(childrenOf(one(childrenOf(point), 'num'))))).toEqual(['(a)', '(b)', '(c)']);
  });

  it('derives eIds from the stable labels of the round', () => {
    const { docJson } = exported();
    const ids: string[] = [];
    JSON.stringify(docJson, (key, value) => (key === 'id' && typeof value === 'string' && ids.push(value), value));
    // ids in document order: 4 heading lines, sponsors, title, formula, then PP1.. and OP1..
    const [pp1, pp2] = ids.slice(7, 9);
    const [op1, op2, op2a] = ids.slice(12, 15);
    const labels = new Map([[pp1, 'PP1'], [pp2, 'PP1bis'], [op1, 'OP1'], [op2, 'OP1bis'], [op2a, 'OP1bis(a)']]);
    const eIds = recovered(exported(labels, docJson).statement).map((p) => p.eId);
    expect(eIds.slice(0, 2)).toEqual(['pp_1', 'pp_1bis']);
    expect(eIds).toEqual(expect.arrayContaining(['para_1', 'para_1bis', 'para_1bis__list_1__point_a', 'para_1bis__list_1__point_c__list_1__point_ii']));
    expect(new Set(eIds).size).toBe(eIds.length);
  });

  it('keeps markup-like text as text', () => {
    const title = 'R&D <b>"bold"</b> & \'quotes\' ]]>';
    const model = readDraft(outlineToDoc({ ...OUTLINE, title }), new Map(), '2026-05-18T09:30:00.000Z');
    const statement = one(childrenOf(one(parse(writeAkn(model, { exportedAt: '2026-12-01T12:00:00.000Z' })), 'akomaNtoso')), 'statement');
    const preface = childrenOf(one(childrenOf(statement), 'preface'));
    expect(textOf(preface.flatMap((p) => all(childrenOf(p), 'docTitle')).flatMap(childrenOf))).toBe(title);
  });

  it('reads the sponsors and co-sponsors of a sponsors line', () => {
    expect(sponsorNames('Kazakhstan and Philippines: draft resolution; co-sponsors: Nigeria, Brazil and European Union')).toEqual({
      sponsors: ['Kazakhstan', 'Philippines'],
      cosponsors: ['Nigeria', 'Brazil', 'European Union'],
    });
    expect(sponsorNames('Draft resolution')).toEqual({ sponsors: [], cosponsors: [] });
  });
});
