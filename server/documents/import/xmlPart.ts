import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from './importError';

/** A parsed XML element in document order: `{ 'w:p': children, ':@': attributes }` or `{ '#text': text }`. */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Entities are never expanded by the parser: the predefined ones are decoded by xmlText below.
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Parses one part of a .docx. A DTD or entity declaration is refused outright (Word never
 * writes one; it is how billion-laughs and external-entity attacks start), and so is XML that
 * is not well-formed.
 */
export function parseXmlPart(xml: string, name: string): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new ImportError(422, `${name} declares a DOCTYPE or entities, which Word files never do; refused`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportError(422, `the .docx file is damaged: ${name} is not well-formed XML (line ${valid.err.line})`);
  return parser.parse(xml) as XmlNode[];
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else stays as written. */
export function xmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The tag name of an element node ('' for text). */
export function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return '';
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const children = node[tagOf(node)];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

export function attrOf(node: XmlNode, name: string): string | undefined {
  const value = (node[':@'] as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? xmlText(value) : undefined;
}

/** The first child with the tag, if any. */
export function childOf(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === tag);
}

/** The text content of text children. */
export function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? xmlText(child['#text']) : ''))
    .join('');
}

/** Depth-first, the elements with the tag, not looking inside a match. */
export function findAll(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((node) => (tagOf(node) === tag ? [node] : findAll(childrenOf(node), tag)));
}
