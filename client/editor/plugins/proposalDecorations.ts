import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { userColor } from '../../../shared/userColor';
import { h, type Child } from '../../app/dom';
import { anchorPlace, paragraphEnds, type ShownProposal } from '../../proposals/proposalPlace';
import { isRemoteChange } from '../isRemoteChange';

interface ProposalMarksState {
  proposals: readonly ShownProposal[];
  selectedId: string | null;
  decorations: DecorationSet;
  /** The text changed since the marks were last drawn from the anchors (they were mapped through local edits). */
  mapped: boolean;
}

/** Meta for a transaction that brings the proposals to show, or selects one. */
export interface ProposalMarksUpdate {
  proposals?: readonly ShownProposal[];
  selectedId?: string | null;
}

export const proposalDecorationsKey = new PluginKey<ProposalMarksState>('proposalDecorations');

/**
 * Pending proposals in the text, for everyone: inserted words underlined in the proposing
 * delegation's colour, replaced and deleted words struck through, brackets as real "[" "]",
 * alternatives and new paragraphs as blocks after their paragraph. Each names its delegation.
 * Anchors are resolved again through the Y.Doc whenever the text comes from Yjs, so the
 * marks follow the words however others edit around them (as the comment highlights do).
 */
export function proposalDecorationsPlugin(options: { onSelect: (id: string) => void }): Plugin<ProposalMarksState> {
  return new Plugin<ProposalMarksState>({
    key: proposalDecorationsKey,
    state: {
      init: () => ({ proposals: [], selectedId: null, decorations: DecorationSet.empty, mapped: false }),
      apply(tr, value, _old, state) {
        const update = tr.getMeta(proposalDecorationsKey) as ProposalMarksUpdate | undefined;
        if (!tr.docChanged && !update) return value;
        const proposals = update?.proposals ?? value.proposals;
        const selectedId = update?.selectedId !== undefined ? update.selectedId : value.selectedId;
        // A local edit reaches Yjs only after this transaction: map, the anchors would resolve against stale text.
        if (!update && !isRemoteChange(tr)) return { proposals, selectedId, decorations: value.decorations.map(tr.mapping, tr.doc), mapped: true };
        if (tr.docChanged || value.mapped) return { proposals, selectedId, decorations: build(state, DecorationSet.empty, proposals, selectedId), mapped: false };
        // Same text (a keystroke in Propose mode changes only its own proposal): redraw just the proposals that changed.
        const redrawn = changedProposals(value, proposals, selectedId);
        const kept = value.decorations.remove(value.decorations.find(undefined, undefined, (spec: MarkSpec) => redrawn.has(spec.proposalId)));
        return { proposals, selectedId, decorations: build(state, kept, proposals.filter((p) => redrawn.has(p.id)), selectedId), mapped: false };
      },
    },
    props: {
      decorations: (state) => proposalDecorationsKey.getState(state)?.decorations,
      handleDOMEvents: {
        click(_view, event) {
          const id = (event.target as HTMLElement | null)?.closest?.<HTMLElement>('[data-proposal-id]')?.dataset.proposalId;
          if (id) options.onSelect(id);
          return false;
        },
      },
    },
  });
}

/** What each mark carries, to find the marks of one proposal. */
interface MarkSpec {
  proposalId: string;
}

/** Ids of the proposals whose marks differ: gone, new, given as a new object (its words or anchor changed), or (de)selected. */
function changedProposals(before: ProposalMarksState, proposals: readonly ShownProposal[], selectedId: string | null): Set<string> {
  const previous = new Map(before.proposals.map((p) => [p.id, p]));
  const now = new Set(proposals.map((p) => p.id));
  const changed = new Set([...previous.keys()].filter((id) => !now.has(id)));
  for (const proposal of proposals) if (previous.get(proposal.id) !== proposal) changed.add(proposal.id);
  if (before.selectedId !== selectedId) for (const id of [before.selectedId, selectedId]) if (id) changed.add(id);
  return changed;
}

/** `base` with the marks of `proposals` added, their anchors resolved through the Y.Doc. */
function build(state: EditorState, base: DecorationSet, proposals: readonly ShownProposal[], selectedId: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  const ends = paragraphEnds(state.doc);
  for (const proposal of proposals) {
    const marks = { proposal, selected: proposal.id === selectedId };
    if (proposal.kind === 'alternative' || proposal.kind === 'new_paragraph') {
      const end = ends.get(proposal.paragraphId);
      if (end !== undefined) decorations.push(blockWidget(end, marks));
      continue;
    }
    const place = proposal.anchor && anchorPlace(state, proposal.anchor);
    if (place) decorations.push(...textMarks(place.from, place.to, marks));
  }
  return base.add(state.doc, decorations);
}

interface Marks {
  proposal: ShownProposal;
  selected: boolean;
}

function textMarks(from: number, to: number, { proposal, selected }: Marks): Decoration[] {
  const { delegation, kind, text } = proposal;
  const attrs = markAttrs(proposal, selected);
  switch (kind) {
    case 'insert':
      return [insertion(to, proposal, selected, `${delegation} proposes to insert “${text ?? ''}”`)];
    case 'replace':
      return [
        Decoration.inline(from, to, { ...attrs, nodeName: 'del', class: `${attrs.class} proposal-struck`, title: `${delegation} proposes to replace this with “${text ?? ''}”` }, markSpec(proposal)),
        insertion(to, proposal, selected, `${delegation} proposes “${text ?? ''}” instead`),
      ];
    case 'delete':
      return [Decoration.inline(from, to, { ...attrs, nodeName: 'del', class: `${attrs.class} proposal-struck`, title: `${delegation} proposes to delete this` }, markSpec(proposal))];
    default: {
      const title = `${delegation} brackets this`;
      return [
        Decoration.widget(from, () => bracket('[', proposal, selected, title), { side: 1, key: widgetKey(proposal, selected, '['), ignoreSelection: true, ...markSpec(proposal) }),
        Decoration.inline(from, to, { ...attrs, class: `${attrs.class} proposal-bracketed`, title }, markSpec(proposal)),
        Decoration.widget(to, () => bracket(']', proposal, selected, title), { side: -1, key: widgetKey(proposal, selected, ']'), ignoreSelection: true, ...markSpec(proposal) }),
      ];
    }
  }
}

/** Inline marks: ProseMirror applies their `style` through the CSSOM, which the page's CSP (style-src 'self') allows. */
function markAttrs(proposal: ShownProposal, selected: boolean): { class: string; style: string; 'data-proposal-id': string } {
  return { class: markClass(selected), style: `--proposal-color: ${userColor(proposal.delegation)}`, 'data-proposal-id': proposal.id };
}

function markClass(selected: boolean): string {
  return selected ? 'proposal-mark is-selected' : 'proposal-mark';
}

/**
 * A widget's element in the proposal's colour, set through the CSSOM: a `style` attribute
 * would be refused by the CSP (style-src 'self').
 */
function widgetElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  { proposal, selected }: Marks,
  attrs: Record<string, string>,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = h(tag, { class: `${markClass(selected)} ${className}`, attrs: { 'data-proposal-id': proposal.id, contenteditable: 'false', ...attrs } }, ...children);
  element.style.setProperty('--proposal-color', userColor(proposal.delegation));
  return element;
}

/** Proposed words at `pos`, drawn before the caret there so typing on at that caret reads as extending them. */
function insertion(pos: number, proposal: ShownProposal, selected: boolean, title: string): Decoration {
  return Decoration.widget(pos, () => widgetElement('ins', 'proposal-inserted', { proposal, selected }, { title, 'aria-label': title }, proposal.text ?? ''), {
    side: -1,
    key: widgetKey(proposal, selected, proposal.text ?? ''),
    ignoreSelection: true,
    ...markSpec(proposal),
  });
}

function bracket(sign: string, proposal: ShownProposal, selected: boolean, title: string): HTMLElement {
  return widgetElement('span', 'proposal-bracket', { proposal, selected }, { title, 'aria-label': title }, sign);
}

/** An alternative wording or a new paragraph, as a block after the paragraph it is about. */
function blockWidget(pos: number, marks: Marks): Decoration {
  const { proposal, selected } = marks;
  const alternative = proposal.kind === 'alternative';
  const place = proposal.paragraphType === 'preambular_paragraph' ? 'preambular' : 'operative';
  const label = alternative ? `Alternative wording – ${proposal.delegation}` : `New ${place} paragraph – ${proposal.delegation}`;
  return Decoration.widget(
    pos,
    () =>
      widgetElement(
        'div',
        `proposal-block ${alternative ? 'proposal-alternative' : 'proposal-new-paragraph'}`,
        marks,
        { role: 'note', 'aria-label': `${label}: ${proposal.text ?? ''}`, title: label },
        h('span', { class: 'proposal-block-label' }, label),
        h('ins', { class: 'proposal-block-text' }, proposal.text ?? ''),
      ),
    { side: alternative ? 1 : 2, key: widgetKey(proposal, selected, proposal.text ?? ''), ignoreSelection: true, ...markSpec(proposal) },
  );
}

function markSpec(proposal: ShownProposal): MarkSpec {
  return { proposalId: proposal.id };
}

/** Widgets are redrawn only when their key changes: it carries everything they show. */
function widgetKey(proposal: ShownProposal, selected: boolean, shown: string): string {
  return `proposal-${proposal.id}-${selected ? 'selected' : ''}-${proposal.delegation}-${shown}`;
}
