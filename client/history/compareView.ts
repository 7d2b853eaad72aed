import type { ParagraphChange, Segment } from '../../shared/diff';
import type { ParagraphAttribution, VersionComparison } from '../../shared/versions';
import { h } from '../app/dom';
import { zonedTime } from '../app/time';
import type { AcceptedProposalEntry } from '../../shared/proposals';
import { acceptedProposalsList } from './proposalActivity';

/** A comparison as tracked changes: insertions underlined, deletions struck through, who changed what, which proposals were accepted. */
export function compareView(comparison: VersionComparison & { acceptedProposals?: AcceptedProposalEntry[] }): HTMLElement {
  const byParagraph = new Map(comparison.attribution.map((a) => [a.paragraphId, a]));
  return h(
    'div',
    { class: 'compare' },
    h('p', { class: 'compare-summary' }, comparison.summaryText),
    acceptedProposalsList(comparison.acceptedProposals ?? []),
    ...comparison.paragraphs.map((p) => paragraphView(p, p.id ? byParagraph.get(p.id) : undefined)),
  );
}

function paragraphView(change: ParagraphChange, attribution: ParagraphAttribution | undefined): HTMLElement {
  const reference = change.kind === 'deleted' ? change.fromReference : change.reference;
  const level = change.kind === 'deleted' ? change.fromLevel : change.level;
  const moved = change.kind === 'changed' || change.kind === 'unchanged' ? change.moved : false;
  const element = h(
    'div',
    { class: `compare-paragraph is-${change.kind}${moved ? ' is-moved' : ''}`, attrs: { 'data-kind': change.kind } },
    h('span', { class: 'compare-ref' }, reference, marker(change, moved)),
    h('p', { class: 'compare-text' }, ...change.segments.map(segmentNode)),
    change.kind !== 'unchanged' && attribution ? attributionLine(attribution) : null,
  );
  element.style.setProperty('--level', String(level));
  return element;
}

function marker(change: ParagraphChange, moved: boolean): HTMLElement | null {
  const label =
    change.kind === 'added' ? 'added' : change.kind === 'deleted' ? 'deleted' : moved ? 'moved' : null;
  return label ? h('span', { class: `compare-marker marker-${label}` }, label) : null;
}

function segmentNode(segment: Segment): Node {
  if (segment.op === 'insert') return h('ins', {}, segment.text);
  if (segment.op === 'delete') return h('del', {}, segment.text);
  return document.createTextNode(segment.text);
}

function attributionLine(attribution: ParagraphAttribution): HTMLElement {
  return h(
    'p',
    { class: 'compare-who' },
    attribution.delegations
      .map((d) => `${d.delegation} (${zonedTime(d.firstAt)}${d.lastAt !== d.firstAt ? ` – ${zonedTime(d.lastAt)}` : ''})`)
      .join('; '),
  );
}
