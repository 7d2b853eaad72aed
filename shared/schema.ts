import { Schema, type NodeSpec, type MarkSpec } from 'prosemirror-model';

/**
 * The ProseMirror schema of a draft resolution (see DOMAIN.md).
 *
 * Paragraphs of the operative part are kept flat, with a `level` attribute
 * (0 = operative paragraph, 1 = (a), 2 = (i), 3 = a., 4 = i.) rather than nested
 * lists: Tab/Shift-Tab only change an attribute, every paragraph stays one textblock
 * with one stable id, and numbering is a single pass over the operative part.
 */

export const MAX_SUBPARAGRAPH_LEVEL = 4;

/** Longest paragraph id the server accepts (ours are 14 characters; see paragraphIds.ts). */
export const MAX_PARAGRAPH_ID_LENGTH = 64;

/** Every paragraph-level node carries a stable id, unique in the draft. */
const idAttr = { id: { default: null as string | null } };

/** An id read from pasted HTML; one that cannot be ours is dropped and the editor assigns a fresh one. */
function idFrom(dom: HTMLElement): string | null {
  const id = dom.dataset.id;
  return id && id.length <= MAX_PARAGRAPH_ID_LENGTH ? id : null;
}

/** A sub-paragraph level read from pasted HTML, kept within the levels there are. */
function levelFrom(dom: HTMLElement): number {
  const level = Math.trunc(Number(dom.dataset.level ?? 0));
  return Number.isFinite(level) ? Math.min(MAX_SUBPARAGRAPH_LEVEL, Math.max(0, level)) : 0;
}

function textLine(tag: string, className: string, extraAttrs = {}): NodeSpec {
  return {
    content: 'text*',
    marks: '',
    attrs: { ...idAttr, ...extraAttrs },
    defining: true,
    parseDOM: [{ tag: `${tag}.${className}`, getAttrs: (dom) => ({ id: idFrom(dom as HTMLElement) }) }],
    toDOM: (node) => [tag, { class: className, 'data-id': node.attrs.id }, 0],
  };
}

/** A paragraph of running text (marks allowed) with its stable id. */
function paragraph(tag: string, className: string): NodeSpec {
  return {
    content: 'inline*',
    attrs: idAttr,
    parseDOM: [{ tag: `${tag}.${className}`, getAttrs: (dom) => ({ id: idFrom(dom as HTMLElement) }) }],
    toDOM: (node) => [tag, { class: className, 'data-id': node.attrs.id }, 0],
  };
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'heading sponsors title preamble operative' },
  text: { group: 'inline' },

  heading: {
    content: 'symbol organ session agenda_item',
    parseDOM: [{ tag: 'header.heading' }],
    toDOM: () => ['header', { class: 'heading' }, 0],
  },
  symbol: textLine('div', 'symbol'),
  organ: textLine('div', 'organ'),
  session: textLine('div', 'session'),
  agenda_item: textLine('div', 'agenda-item'),
  sponsors: textLine('p', 'sponsors'),
  title: textLine('h1', 'title'),

  preamble: {
    content: 'formula preambular_paragraph*',
    parseDOM: [{ tag: 'section.preamble' }],
    toDOM: () => ['section', { class: 'preamble' }, 0],
  },
  formula: paragraph('p', 'formula'),
  preambular_paragraph: paragraph('p', 'pp'),

  operative: {
    content: 'operative_paragraph+',
    parseDOM: [{ tag: 'section.operative' }],
    toDOM: () => ['section', { class: 'operative' }, 0],
  },
  operative_paragraph: {
    content: 'inline*',
    attrs: { ...idAttr, level: { default: 0 } },
    parseDOM: [
      {
        tag: 'p.op',
        getAttrs: (dom) => ({ id: idFrom(dom as HTMLElement), level: levelFrom(dom as HTMLElement) }),
      },
    ],
    toDOM: (node) => ['p', { class: 'op', 'data-id': node.attrs.id, 'data-level': String(node.attrs.level) }, 0],
  },
};

const marks: Record<string, MarkSpec> = {
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
    toDOM: () => ['strong', 0],
  },
  em: {
    parseDOM: [{ tag: 'em' }, { tag: 'i' }],
    toDOM: () => ['em', 0],
  },
  underline: {
    parseDOM: [{ tag: 'u' }],
    toDOM: () => ['u', 0],
  },
};

export const resolutionSchema = new Schema({ nodes, marks });

/** Node types that are paragraphs in the negotiation sense: each has a stable id. */
export const PARAGRAPH_TYPES = new Set([
  'symbol',
  'organ',
  'session',
  'agenda_item',
  'sponsors',
  'title',
  'formula',
  'preambular_paragraph',
  'operative_paragraph',
]);

/** The name of the Y.XmlFragment that holds the draft inside its Y.Doc. */
export const PROSEMIRROR_FRAGMENT = 'prosemirror';
