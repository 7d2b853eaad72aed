import { XMLBuilder } from 'fast-xml-parser';
import { lineText, type DraftModel, type ModelParagraph, type Run } from './draftModel';
import { EIds } from './aknIds';
import { withLeadWords } from './leadWordRuns';
import { sponsorNames } from './sponsorNames';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** A node as fast-xml-parser's builder takes it with preserveOrder (mixed content keeps its order). */
type XmlNode = Record<string, unknown>;

function el(name: string, attributes: Record<string, string> | null, children: XmlNode[] = []): XmlNode {
  const node: XmlNode = { [name]: children };
  if (attributes) node[':@'] = Object.fromEntries(Object.entries(attributes).map(([key, value]) => [`@_${key}`, value]));
  return node;
}

function text(value: string): XmlNode {
  return { '#text': value };
}

const INLINE: Record<string, string> = { em: 'i', strong: 'b', underline: 'u' };

/** Runs as AKN inline markup: italics, bold and underline nest as <i>, <b>, <u>. */
function inline(runs: readonly Run[]): XmlNode[] {
  return runs.map((run) => run.marks.reduce<XmlNode>((inner, mark) => el(INLINE[mark], null, [inner]), text(run.text)));
}

function p(children: XmlNode[], attributes: Record<string, string> | null = null): XmlNode {
  return el('p', attributes, children);
}

/** A reference to a delegation or organ in the <references> block. */
function slug(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'unnamed';
}

export interface AknContext {
  /** When the export was made (ISO): the manifestation's date. */
  exportedAt: string;
}

/**
 * A draft as an Akoma Ntoso 3.0 document following AKN4UN: a `statement` named
 * `draftResolution` (AKN has no resolution type; AKN4UN models resolutions as statements of an
 * organ, and the name says this one is a draft), FRBR identification, a preface with docNumber,
 * docAuthority, docProponent for each sponsor and docTitle, a preamble with the formula and one
 * container per preambular paragraph, and a mainBody of numbered paragraphs whose sub-paragraphs
 * are points in lists. eIds follow the stable labels (aknIds.ts).
 */
export function writeAkn(model: DraftModel, { exportedAt }: AknContext): string {
  const symbol = lineText(model, 'symbol');
  const organ = lineText(model, 'organ');
  const { sponsors, cosponsors } = sponsorNames(lineText(model, 'sponsors'));
  const day = model.date.slice(0, 10);
  const work = `/akn/un/statement/draftResolution/${day}/${symbol.replace(/\//g, '-') || 'draft'}`;
  const expression = `${work}/eng@${day}`;
  const manifestation = `${expression}/!main.akn`;
  const eIds = new EIds();
  const paragraphs = model.paragraphs;
  const ofType = (type: ModelParagraph['type']) => paragraphs.filter((paragraph) => paragraph.type === type);
  const organRef = `#${slug(organ)}`;

  const meta = el('meta', null, [
    el('identification', { source: '#workspace' }, [
      el('FRBRWork', null, [
        el('FRBRthis', { value: `${work}/!main` }), el('FRBRuri', { value: work }), el('FRBRdate', { date: day, name: 'circulation' }),
        el('FRBRauthor', { href: organRef, as: '#author' }), el('FRBRcountry', { value: 'un' }), el('FRBRnumber', { value: symbol }),
      ]),
      el('FRBRExpression', null, [
        el('FRBRthis', { value: `${expression}/!main` }), el('FRBRuri', { value: expression }), el('FRBRdate', { date: day, name: 'version' }),
        el('FRBRauthor', { href: organRef, as: '#author' }), el('FRBRlanguage', { language: 'eng' }),
      ]),
      el('FRBRManifestation', null, [
        el('FRBRthis', { value: manifestation }), el('FRBRuri', { value: manifestation }), el('FRBRdate', { date: exportedAt.slice(0, 10), name: 'export' }),
        el('FRBRauthor', { href: '#workspace', as: '#editor' }),
      ]),
    ]),
    el('references', { source: '#workspace' }, [
      el('TLCOrganization', { eId: 'workspace', href: '/ontology/organization/un/resolutionWorkspace', showAs: 'Resolution workspace' }),
      el('TLCOrganization', { eId: slug(organ), href: `/ontology/organization/un/${slug(organ)}`, showAs: organ || 'United Nations' }),
      ...[...new Set([...sponsors, ...cosponsors])].map((name) => el('TLCOrganization', { eId: slug(name), href: `/ontology/organization/un/${slug(name)}`, showAs: name })),
      el('TLCRole', { eId: 'author', href: '/ontology/role/un/author', showAs: 'Author' }),
      el('TLCRole', { eId: 'editor', href: '/ontology/role/un/editor', showAs: 'Editor' }),
      el('TLCRole', { eId: 'sponsor', href: '/ontology/role/un/sponsor', showAs: 'Sponsor' }),
      el('TLCRole', { eId: 'cosponsor', href: '/ontology/role/un/cosponsor', showAs: 'Co-sponsor' }),
    ]),
  ]);

  const line = (type: ModelParagraph['type'], wrap: (children: XmlNode[]) => XmlNode[]) =>
    ofType(type).map((paragraph) => p(wrap(inline(paragraph.runs)), { class: type }));
  const preface = el('preface', null, [
    ...line('symbol', (children) => [el('docNumber', null, children)]),
    ...line('organ', (children) => [el('docAuthority', null, children)]),
    ...line('session', (children) => [el('session', { value: lineText(model, 'session') }, children)]),
    ...line('agenda_item', (children) => children),
    ...ofType('sponsors').map(() => p(proponents(lineText(model, 'sponsors'), sponsors, cosponsors), { class: 'sponsors' })),
    ...line('title', (children) => [el('docTitle', null, children)]),
  ]);

  const preamble = el('preamble', null, [
    ...ofType('formula').map((paragraph) => el('formula', { name: 'enactingFormula' }, [p(inline(paragraph.runs))])),
    ...ofType('preambular_paragraph').map((paragraph, index) =>
      el('container', { name: 'preambularParagraph', eId: eIds.of('pp_', paragraph.label, 0, '', index + 1) }, [p(inline(withLeadWords(paragraph)))]),
    ),
  ]);

  const mainBody = el('mainBody', null, operativeTree(ofType('operative_paragraph')).map((node, index) => hierarchy(node, null, index, eIds)));

  const document = el('akomaNtoso', { xmlns: AKN_NAMESPACE }, [
    el('statement', { name: 'draftResolution', contains: 'originalVersion' }, [meta, preface, preamble, mainBody]),
  ]);
  const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build([document])}\n`;
}

/** The sponsors line with each named delegation marked as a docProponent, in the words of the line. */
function proponents(lineValue: string, sponsors: string[], cosponsors: string[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  let at = 0;
  for (const [name, role] of [...sponsors.map((s) => [s, '#sponsor']), ...cosponsors.map((c) => [c, '#cosponsor'])]) {
    const found = lineValue.indexOf(name, at);
    if (found < 0) continue;
    if (found > at) nodes.push(text(lineValue.slice(at, found)));
    nodes.push(el('docProponent', { refersTo: `#${slug(name)}`, as: role }, [text(name)]));
    at = found + name.length;
  }
  if (at < lineValue.length) nodes.push(text(lineValue.slice(at)));
  return nodes;
}

interface OperativeNode {
  paragraph: ModelParagraph;
  children: OperativeNode[];
}

/** Flat operative paragraphs with levels as a tree: sub-paragraphs under the paragraph they follow. */
function operativeTree(operative: ModelParagraph[]): OperativeNode[] {
  const roots: OperativeNode[] = [];
  const open: OperativeNode[] = [];
  for (const paragraph of operative) {
    const node = { paragraph, children: [] };
    open.length = Math.min(paragraph.level, open.length);
    (open.at(-1)?.children ?? roots).push(node);
    open.push(node);
  }
  return roots;
}

/** An operative paragraph (a point below the top) with its sub-paragraphs as a list of points. */
function hierarchy({ paragraph, children }: OperativeNode, listEId: string | null, index: number, eIds: EIds): XmlNode {
  const depth = paragraph.level;
  const eId = eIds.of(listEId ? `${listEId}__point_` : 'para_', paragraph.label, depth, paragraph.number, index + 1);
  const num = paragraph.number ? [el('num', null, [text(paragraph.number)])] : [];
  const words = [p(inline(withLeadWords(paragraph)))];
  if (children.length === 0) return el(listEId ? 'point' : 'paragraph', { eId }, [...num, el('content', null, words)]);
  const list = eIds.take(`${eId}__list_1`);
  return el(listEId ? 'point' : 'paragraph', { eId }, [
    ...num,
    el('intro', null, words),
    el('list', { eId: list }, children.map((child, k) => hierarchy(child, list, k, eIds))),
  ]);
}
