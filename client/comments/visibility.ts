import type { CommentVisibility } from '../../shared/negotiations';

/** The choices of the composer, in the order offered; the first is the default. */
export const VISIBILITY_CHOICES: Array<[CommentVisibility, string]> = [
  ['all', 'Everyone'],
  ['delegation', 'My delegation only'],
  ['facilitators', 'Facilitators only'],
];

const LABELS: Record<CommentVisibility, string> = {
  all: 'Everyone',
  delegation: 'Delegation only',
  facilitators: 'Facilitators only',
};

/** The label on a thread, and a sentence saying who reads it. */
export function visibilityLabel(visibility: CommentVisibility, authorDelegation: string): { label: string; title: string } {
  const title = {
    all: 'Every member of the negotiation can read this thread.',
    delegation: `Only members of ${authorDelegation} can read this thread.`,
    facilitators: 'Only its author and the facilitators can read this thread.',
  }[visibility];
  // An unknown value from a newer server is shown as it comes.
  return { label: LABELS[visibility] ?? visibility, title: title ?? '' };
}
