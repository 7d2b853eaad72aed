import type { ProposalView } from './proposals';

/** A pending anchored proposal where it stands now, in its paragraph's text offsets. */
export interface PlacedProposal {
  proposal: ProposalView;
  start: number;
  end: number;
}

/** The proposing delegation and its supporters, as the room names them: "US, Japan". */
export function delegationsOf(proposal: ProposalView): string {
  return [proposal.delegation, ...proposal.supporters].join(', ');
}

/**
 * The notes of a bracket in the room's notation, joined by "; ": "EU, CARICOM" for a bracket,
 * "US delete", "EU: encourages", then "G77 retain" for the objectors of a delete or replace. A
 * proposal covering less than the whole bracket quotes its words: `US delete “extreme”`.
 */
export function bracketNotes(members: PlacedProposal[], text: string, start: number, end: number): string {
  const quoteOf = (member: PlacedProposal): string | null =>
    member.start === start && member.end === end ? null : `“${text.slice(member.start - start, member.end - start)}”`;
  const notes = members.map((member) => proposalNote(member.proposal, quoteOf(member)));
  const retains = members
    .filter(({ proposal }) => (proposal.kind === 'delete' || proposal.kind === 'replace') && proposal.objectors.length > 0)
    .map((member) => withQuote(`${member.proposal.objectors.join(', ')} retain`, quoteOf(member)));
  return [...new Set([...notes, ...retains])].join('; ');
}

function proposalNote(proposal: ProposalView, quote: string | null): string {
  const who = delegationsOf(proposal);
  switch (proposal.kind) {
    case 'delete':
      return withQuote(`${who} delete`, quote);
    case 'replace':
      return quote ? `${who}: ${quote} → ${proposal.text}` : `${who}: ${proposal.text}`;
    default:
      return quote ? `${who} bracket ${quote}` : who;
  }
}

function withQuote(note: string, quote: string | null): string {
  return quote ? `${note} ${quote}` : note;
}
