import * as Y from 'yjs';
import { delegationsOf, type PlacedProposal } from './compilationNotes';
import { segmentsOf, type Run } from './compilationSegments';
import { latinSuffix } from './labels';
import { resolveProposalAnchor } from './proposalAnchors';
import type { ProposalView } from './proposals';
import { PARAGRAPH_TYPES, PROSEMIRROR_FRAGMENT } from './schema';
import { xmlTextContent } from './xmlTextContent';

/**
 * The draft as the room reads it in a second reading (issue 11): every pending proposal inline
 * with its delegations, `[extreme – US delete; G77 retain]`, `[urges – EU: encourages]`,
 * alternatives as `OP5 alt [… – G77]` blocks and new paragraphs as `OP7bis [… – Norway]`.
 * Used by the views, the print view and the export; pure over the live Y.Doc.
 */

export type CompilationView = { kind: 'compilation' } | { kind: 'clean' } | { kind: 'delegation'; delegation: string };

export type Segment =
  | { kind: 'text'; text: string; marks: string[] }
  /** Words of the text under pending proposals, with their notes ("US delete; G77 retain"). */
  | { kind: 'bracket'; text: string; notes: string; proposalIds: string[] }
  /** Words proposed for the text: an insert, an alternative or a new paragraph. */
  | { kind: 'addition'; text: string; notes: string; proposalIds: string[] };

export interface CompiledParagraph {
  /** The paragraph's id; null for an alternative or a new paragraph, which are not in the text yet. */
  id: string | null;
  /** The node type: heading lines, sponsors, title and formula included. */
  type: string;
  level: number;
  /** The paragraph's label ("OP3"), or an alternative's or new paragraph's ("OP5 alt", "OP7bis"). */
  label: string | null;
  segments: Segment[];
  /** Set on an alternative or new paragraph block: the proposal it shows. */
  proposalId?: string;
}

export interface CompiledDraft {
  paragraphs: CompiledParagraph[];
}

/** Pending proposals of the draft by the paragraph they concern, placed in the live text. */
interface Pending {
  ranges: Map<string, PlacedProposal[]>;
  points: Map<string, PlacedProposal[]>;
  alternatives: Map<string, ProposalView[]>;
  newParagraphs: Map<string, ProposalView[]>;
}

export function compileDraft(doc: Y.Doc, proposals: ProposalView[], labels: ReadonlyMap<string, string>, view: CompilationView): CompiledDraft {
  const pending = pendingOf(doc, shownIn(view, proposals));
  const newLabels = new NewParagraphLabels(labels);
  const paragraphs: CompiledParagraph[] = [];
  const visit = (element: Y.XmlElement): void => {
    if (!PARAGRAPH_TYPES.has(element.nodeName)) {
      for (const child of element.toArray()) if (child instanceof Y.XmlElement) visit(child);
      return;
    }
    const id = idOf(element);
    const level = levelOf(element);
    const label = id === null ? null : (labels.get(id) ?? null);
    const segments = segmentsOf(runsOf(element), id === null ? [] : (pending.ranges.get(id) ?? []), id === null ? [] : (pending.points.get(id) ?? []));
    paragraphs.push({ id, type: element.nodeName, level, label, segments });
    if (id === null) return;
    const alternatives = pending.alternatives.get(id) ?? [];
    alternatives.forEach((p, index) => {
      const alt = alternatives.length > 1 ? `alt ${index + 1}` : 'alt';
      paragraphs.push(block(p, element.nodeName, level, `${label ?? id} ${alt}`));
    });
    for (const p of pending.newParagraphs.get(id) ?? []) {
      paragraphs.push(block(p, p.paragraphType ?? element.nodeName, p.level ?? 0, newLabels.next(label ?? id)));
    }
  };
  for (const child of doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toArray()) if (child instanceof Y.XmlElement) visit(child);
  return { paragraphs };
}

/** A paragraph in the room's notation as one string: `OP5 alt [text – G77]`, `take [extreme – US delete] measures;`. */
export function compiledText(paragraph: CompiledParagraph): string {
  const body = paragraph.segments.map((s) => (s.kind === 'text' ? s.text : `[${s.text} – ${s.notes}]`)).join('');
  // A proposed block is known by its label ("OP7bis"); a paragraph of the text is numbered in print.
  return paragraph.proposalId ? `${paragraph.label} ${body}` : body;
}

/** The proposals a view shows, oldest first: all pending ones, none (clean), or a delegation's own and supported ones. */
function shownIn(view: CompilationView, proposals: ProposalView[]): ProposalView[] {
  if (view.kind === 'clean') return [];
  const shown = proposals.filter(
    (p) => p.status === 'pending' && (view.kind === 'compilation' || p.delegation === view.delegation || p.supporters.includes(view.delegation)),
  );
  return shown.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Places each proposal; an anchored one whose anchor no longer resolves cannot be shown and is left out. */
function pendingOf(doc: Y.Doc, proposals: ProposalView[]): Pending {
  const pending: Pending = { ranges: new Map(), points: new Map(), alternatives: new Map(), newParagraphs: new Map() };
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const proposal of proposals) {
    if (proposal.kind === 'alternative') add(pending.alternatives, proposal.paragraphId, proposal);
    else if (proposal.kind === 'new_paragraph') add(pending.newParagraphs, proposal.paragraphId, proposal);
    else if (proposal.anchor) {
      const at = resolveProposalAnchor(doc, proposal.anchor);
      if (!at) continue;
      const offset = offsetOf(at.paragraph, at.text);
      add(proposal.kind === 'insert' ? pending.points : pending.ranges, proposal.anchor.paragraphId, { proposal, start: offset + at.start, end: offset + at.end });
    }
  }
  return pending;
}

function block(proposal: ProposalView, type: string, level: number, label: string): CompiledParagraph {
  const segments: Segment[] = [{ kind: 'addition', text: proposal.text ?? '', notes: delegationsOf(proposal), proposalIds: [proposal.id] }];
  return { id: null, type, level, label, segments, proposalId: proposal.id };
}

/**
 * Labels of proposed new paragraphs: the next Latin suffix of the paragraph they follow,
 * counting those the text already has ("OP7bis" in the text makes the next one "OP7ter").
 */
class NewParagraphLabels {
  private readonly used = new Map<string, number>();

  constructor(private readonly labels: ReadonlyMap<string, string>) {}

  next(after: string): string {
    const { base, nth } = splitSuffix(after);
    const used = this.used.get(base) ?? Math.max(nth, ...[...this.labels.values()].map(splitSuffix).filter((l) => l.base === base).map((l) => l.nth));
    this.used.set(base, used + 1);
    return base + latinSuffix(used + 1);
  }
}

/** "OP7ter" -> OP7 and 2; "OP7" -> OP7 and 0. The longest suffix wins: "quater" also ends in "ter". */
function splitSuffix(label: string): { base: string; nth: number } {
  let found = { base: label, nth: 0 };
  for (let nth = 1; !latinSuffix(nth).startsWith('-'); nth++) {
    const suffix = latinSuffix(nth);
    if (label.endsWith(suffix) && label.length > suffix.length && label.length - suffix.length < found.base.length) found = { base: label.slice(0, -suffix.length), nth };
  }
  return found;
}

/** The paragraph's text as runs of the same marks (y-prosemirror keeps marks as formatting attributes). */
function runsOf(element: Y.XmlElement): Run[] {
  return element.toArray().flatMap((child) =>
    child instanceof Y.XmlText
      ? (child.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>)
          .filter((op) => typeof op.insert === 'string')
          .map((op) => ({ text: op.insert as string, marks: Object.keys(op.attributes ?? {}).map(markName) }))
      : [],
  );
}

/** Where a text starts in its paragraph (a paragraph is normally one text). */
function offsetOf(paragraph: Y.XmlElement, text: Y.XmlText): number {
  let offset = 0;
  for (const child of paragraph.toArray()) {
    if (child === text) break;
    if (child instanceof Y.XmlText) offset += xmlTextContent(child).length;
  }
  return offset;
}

/** y-prosemirror keys a mark that may overlap itself as `name--hash`. */
function markName(key: string): string {
  return key.replace(/--[a-zA-Z0-9+/=]{8}$/, '');
}

function idOf(element: Y.XmlElement): string | null {
  const id = element.getAttribute('id');
  return typeof id === 'string' ? id : null;
}

function levelOf(element: Y.XmlElement): number {
  const level = element.getAttribute('level') as unknown;
  return typeof level === 'number' ? level : 0;
}
