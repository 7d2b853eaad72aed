import type { Segment } from './compilation';
import { bracketNotes, delegationsOf, type PlacedProposal } from './compilationNotes';
import type { ProposalView } from './proposals';

/** A stretch of a paragraph's text with the same marks. */
export interface Run {
  text: string;
  marks: string[];
}

/** Overlapping ranges, printed as one bracket. */
interface Group {
  start: number;
  end: number;
  members: PlacedProposal[];
}

/** Where something is printed: a bracket over a group, or an addition at a point. */
type Stop = { at: number; group: Group } | { at: number; addition: ProposalView };

/**
 * A paragraph's text cut into segments: plain text with its marks, brackets over the ranges
 * pending proposals cover (overlapping ranges merged into one), and the words proposed for
 * insertion at their point (after the bracket when the point lies inside one).
 */
export function segmentsOf(runs: Run[], ranges: PlacedProposal[], points: PlacedProposal[]): Segment[] {
  const full = runs.map((run) => run.text).join('');
  const groups = groupsOf(ranges);
  const stops: Stop[] = [
    ...points.map(({ proposal, start }) => ({ at: groups.find((g) => g.start < start && start < g.end)?.end ?? start, addition: proposal })),
    ...groups.map((group) => ({ at: group.start, group })),
  ];
  // Additions before a bracket starting at the same place; otherwise in text order, then as given.
  stops.sort((a, b) => a.at - b.at || Number('group' in a) - Number('group' in b));

  const segments: Segment[] = [];
  let position = 0;
  for (const stop of stops) {
    segments.push(...textBetween(runs, position, stop.at));
    position = Math.max(position, stop.at);
    if ('addition' in stop) {
      segments.push(...additionSegments(stop.addition));
    } else {
      const { start, end, members } = stop.group;
      const text = full.slice(start, end);
      segments.push({ kind: 'bracket', text, notes: bracketNotes(members, text, start, end), proposalIds: members.map((m) => m.proposal.id) });
      position = end;
    }
  }
  segments.push(...textBetween(runs, position, full.length));
  return segments;
}

/**
 * The words proposed at a point in their bracket, the spaces typed around them (" fully") outside
 * it, where they fall in the text: "cooperation [fully – Norway]," rather than "cooperation[ fully – Norway],".
 */
function additionSegments(proposal: ProposalView): Segment[] {
  const text = proposal.text ?? '';
  const words = text.trim();
  const before = words ? text.slice(0, text.indexOf(words)) : '';
  const after = words ? text.slice(before.length + words.length) : '';
  return [
    ...(before ? [{ kind: 'text' as const, text: before, marks: [] }] : []),
    { kind: 'addition', text: words || text, notes: delegationsOf(proposal), proposalIds: [proposal.id] },
    ...(after ? [{ kind: 'text' as const, text: after, marks: [] }] : []),
  ];
}

function groupsOf(ranges: PlacedProposal[]): Group[] {
  const groups: Group[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = groups.at(-1);
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
      last.members.push(range);
    } else {
      groups.push({ start: range.start, end: range.end, members: [range] });
    }
  }
  // Notes read in the order the proposals were made.
  for (const group of groups) group.members.sort((a, b) => a.proposal.createdAt.localeCompare(b.proposal.createdAt));
  return groups;
}

/** The text segments (marks kept) from offset `from` to `to`. */
function textBetween(runs: Run[], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let offset = 0;
  for (const run of runs) {
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + run.text.length);
    if (start < end) segments.push({ kind: 'text', text: run.text.slice(start - offset, end - offset), marks: run.marks });
    offset += run.text.length;
  }
  return segments;
}
