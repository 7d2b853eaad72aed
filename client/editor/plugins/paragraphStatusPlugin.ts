import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { h } from '../../app/dom';
import { LOCKED_STATUSES, type ParagraphView } from '../../../shared/paragraphs';
import { passesFilter, type StatusFilter } from '../../paragraphs/statusFilter';
import { badgeText, statusName, statusShape } from '../../paragraphs/statusNames';
import { isRemoteChange } from '../isRemoteChange';
import { textOnlyChange } from './textOnlyChange';

/** The lines of the heading, which only facilitators may change. */
const HEADING_LINES = new Set(['symbol', 'organ', 'session', 'agenda_item', 'sponsors', 'title']);

interface StatusState {
  paragraphs: ReadonlyMap<string, ParagraphView>;
  filter: StatusFilter;
  decorations: DecorationSet;
}

/** Meta for a transaction that brings new statuses from the server or changes the filter. */
export interface StatusUpdate {
  paragraphs?: readonly ParagraphView[];
  filter?: StatusFilter;
}

export const paragraphStatusKey = new PluginKey<StatusState>('paragraphStatus');

export interface ParagraphStatusOptions {
  /** True for everyone but facilitators: the heading is read-only for them. */
  headingLocked: boolean;
  /** A margin badge was clicked. */
  onBadgeClick?: (paragraphId: string) => void;
}

/**
 * The status of each paragraph in the text: a badge in the margin with words and a
 * shape (never colour alone), agreed paragraphs read-only, the others dimmed by the
 * filter. Locked text refuses local changes only: changes that come through Yjs (the
 * facilitator's, the server's) always apply, since the server is the one that enforces
 * the lock.
 */
export function paragraphStatusPlugin(options: ParagraphStatusOptions): Plugin<StatusState> {
  const isLocked = (state: EditorState, node: PMNode) => lockedNode(paragraphStatusKey.getState(state)?.paragraphs, node, options.headingLocked);
  return new Plugin<StatusState>({
    key: paragraphStatusKey,
    state: {
      init: (_, state) => withDecorations(state.doc, new Map(), 'all', options.headingLocked),
      apply(tr, value) {
        const update = tr.getMeta(paragraphStatusKey) as StatusUpdate | undefined;
        if (!update && !tr.docChanged) return value;
        // Typing inside paragraphs moves the marks and changes none of them.
        if (!update && textOnlyChange(tr)) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
        const paragraphs = update?.paragraphs ? new Map(update.paragraphs.map((p) => [p.id, p])) : value.paragraphs;
        return withDecorations(tr.doc, paragraphs, update?.filter ?? value.filter, options.headingLocked);
      },
    },
    filterTransaction: (tr, state) => !tr.docChanged || isRemoteChange(tr) || !touchesNode(tr, (node) => isLocked(state, node)),
    props: {
      decorations: (state) => paragraphStatusKey.getState(state)?.decorations,
      handleClickOn(_view, _pos, _node, _nodePos, event) {
        const id = (event.target as HTMLElement).closest<HTMLElement>('.status-badge')?.dataset.paragraphId;
        if (id) options.onBadgeClick?.(id);
        return Boolean(id);
      },
    },
  });
}

function lockedNode(paragraphs: ReadonlyMap<string, ParagraphView> | undefined, node: PMNode, headingLocked: boolean): boolean {
  if (headingLocked && HEADING_LINES.has(node.type.name)) return true;
  const paragraph = paragraphs?.get(node.attrs.id as string);
  return paragraph !== undefined && LOCKED_STATUSES.has(paragraph.status);
}

/** True when a step of `tr` changes the text, marks or attributes of a textblock `matches` accepts. */
function touchesNode(tr: Transaction, matches: (node: PMNode) => boolean): boolean {
  return tr.steps.some((step, i) => {
    const doc = tr.docs[i];
    const { from, to } = stepRange(step, doc);
    let hit = false;
    doc.nodesBetween(from, to, (node) => {
      if (hit) return false;
      if (!node.isTextblock) return true;
      hit = matches(node);
      return false;
    });
    return hit;
  });
}

/** The range of the document before the step that the step changes: text steps have from/to, attribute steps a pos. */
function stepRange(step: object, doc: PMNode): { from: number; to: number } {
  const { from, to, pos } = step as { from?: number; to?: number; pos?: number };
  if (from !== undefined && to !== undefined) return { from, to };
  if (pos !== undefined) return { from: pos, to: pos + 1 };
  return { from: 0, to: doc.content.size };
}

function withDecorations(doc: PMNode, paragraphs: ReadonlyMap<string, ParagraphView>, filter: StatusFilter, headingLocked: boolean): StatusState {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const paragraph = paragraphs.get(node.attrs.id as string);
    const locked = lockedNode(paragraphs, node, headingLocked);
    if (!paragraph && !locked) return false;
    const classes = [locked ? 'is-locked' : '', paragraph ? `status-${paragraph.status}` : '', paragraph && !passesFilter(filter, paragraph.status) ? 'is-dimmed' : '']
      .filter(Boolean)
      .join(' ');
    const attrs: Record<string, string> = { class: classes };
    if (paragraph) attrs['data-status'] = paragraph.status;
    // aria-readonly is not allowed on a paragraph or heading; the badge says "agreed" in words.
    if (locked) attrs['data-locked'] = 'true';
    decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
    if (paragraph) {
      const text = badgeText(paragraph);
      decorations.push(Decoration.widget(pos + 1, () => statusBadge(paragraph, text), { side: -1, key: `status-${paragraph.id}-${text}`, ignoreSelection: true }));
    }
    return false;
  });
  return { paragraphs, filter, decorations: DecorationSet.create(doc, decorations) };
}

/**
 * The margin badge. Its words are drawn by CSS from `data-badge`, like the margin references,
 * so they are never part of the paragraph's text (copied, read back, compared).
 */
function statusBadge(paragraph: ParagraphView, text: string): HTMLElement {
  const title = `${paragraph.label}: ${statusName(paragraph.status)}`;
  return h('span', {
    class: `status-badge status-${paragraph.status}`,
    attrs: {
      contenteditable: 'false',
      'data-paragraph-id': paragraph.id,
      // Open is the default: its shape alone keeps the margin quiet.
      'data-badge': paragraph.status === 'open' ? statusShape('open') : `${statusShape(paragraph.status)} ${text}`,
      title,
      // Open is the default and stays silent; other statuses are read as words.
      ...(paragraph.status === 'open' ? { 'aria-hidden': 'true' } : { role: 'img', 'aria-label': `Status: ${text}` }),
    },
  });
}
