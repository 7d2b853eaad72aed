import type { CompiledDraft, CompiledParagraph, Segment } from '../../shared/compilation';
import { h, type Child } from '../app/dom';
import { leadWordsLength } from '../../shared/leadWords';

/** How each line of a resolution is drawn, with the classes of the editor's UN layout (client/styles/document.css). */
const LINES: Record<string, { tag: 'div' | 'p' | 'h1'; className: string; part: Part }> = {
  symbol: { tag: 'div', className: 'symbol', part: 'heading' },
  organ: { tag: 'div', className: 'organ', part: 'heading' },
  session: { tag: 'div', className: 'session', part: 'heading' },
  agenda_item: { tag: 'div', className: 'agenda-item', part: 'heading' },
  sponsors: { tag: 'p', className: 'sponsors', part: 'body' },
  title: { tag: 'h1', className: 'title', part: 'body' },
  formula: { tag: 'p', className: 'formula', part: 'preamble' },
  preambular_paragraph: { tag: 'p', className: 'pp', part: 'preamble' },
  operative_paragraph: { tag: 'p', className: 'op', part: 'operative' },
};
type Part = 'heading' | 'body' | 'preamble' | 'operative';

const MARK_TAGS: Record<string, 'strong' | 'em' | 'u'> = { strong: 'strong', em: 'em', underline: 'u' };

/**
 * A compiled draft (shared/compilation.ts) as a read-only sheet in UN layout: each paragraph's label
 * in the margin, operative numbers hanging, lead words in italics; pending proposals in the room's
 * notation, additions underlined and the delegations' notes set apart. `printed` gives each
 * operative paragraph's printed number ("3.", "(a)") by id. All text goes in as text nodes.
 */
export function compiledPaper(draft: CompiledDraft, printed: ReadonlyMap<string, string>): HTMLElement {
  const parts: Record<Part, HTMLElement[]> = { heading: [], body: [], preamble: [], operative: [] };
  for (const paragraph of draft.paragraphs) {
    const line = LINES[paragraph.type];
    if (line) parts[line.part].push(paragraphElement(paragraph, line, printed));
  }
  return h(
    'div',
    { class: 'resolution compiled-draft' },
    parts.heading.length > 0 ? h('header', { class: 'heading' }, ...parts.heading) : null,
    ...parts.body,
    h('section', { class: 'preamble' }, ...parts.preamble),
    h('section', { class: 'operative' }, ...parts.operative),
  );
}

function paragraphElement(paragraph: CompiledParagraph, line: (typeof LINES)[string], printed: ReadonlyMap<string, string>): HTMLElement {
  const proposed = paragraph.proposalId !== undefined;
  const element = h(
    line.tag,
    {
      class: `${line.className}${proposed ? ' compiled-proposal' : ''}`,
      attrs: {
        'data-id': paragraph.id ?? undefined,
        'data-proposal-id': paragraph.proposalId,
        // A paragraph of the text has its label in the margin; a proposed one says what it is in the text.
        'data-label': !proposed && paragraph.label ? paragraph.label : undefined,
        'data-num': !proposed && paragraph.id ? printed.get(paragraph.id) || undefined : undefined,
      },
    },
    proposed && paragraph.label ? h('span', { class: 'compiled-label' }, paragraph.label) : null,
    proposed && paragraph.label ? ' ' : null,
    ...segmentNodes(paragraph.segments, hasLeadWords(paragraph) ? leadLength(paragraph.segments) : 0),
  );
  element.style.setProperty('--depth', String(paragraph.level));
  return element;
}

function hasLeadWords(paragraph: CompiledParagraph): boolean {
  return paragraph.proposalId === undefined && (paragraph.type === 'preambular_paragraph' || (paragraph.type === 'operative_paragraph' && paragraph.level === 0));
}

/** The lead words are italic where the paragraph opens with its own words (not inside a bracket). */
function leadLength(segments: Segment[]): number {
  const first = segments[0];
  return first?.kind === 'text' ? Math.min(leadWordsLength(first.text), first.text.length) : 0;
}

function segmentNodes(segments: Segment[], lead: number): Child[] {
  return segments.map((segment, index) => {
    if (segment.kind === 'text') {
      if (index > 0 || lead === 0) return marked(segment.text, segment.marks);
      const rest = segment.text.slice(lead);
      return h('span', {}, h('span', { class: 'lead-words' }, marked(segment.text.slice(0, lead), segment.marks)), rest ? marked(rest, segment.marks) : null);
    }
    const words = segment.kind === 'addition' ? h('ins', { class: 'compiled-words' }, segment.text) : h('span', { class: 'compiled-words' }, segment.text);
    return h(
      'span',
      { class: `compiled-${segment.kind}`, attrs: { 'data-proposal-ids': segment.proposalIds.join(' ') } },
      '[',
      words,
      h('span', { class: 'compiled-note' }, ` – ${segment.notes}`),
      ']',
    );
  });
}

function marked(text: string, marks: string[]): Node {
  return marks.reduce<Node>((inner, mark) => {
    const tag = MARK_TAGS[mark];
    return tag ? h(tag, {}, inner) : inner;
  }, document.createTextNode(text));
}
