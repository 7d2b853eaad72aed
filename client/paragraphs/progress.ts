import { PARAGRAPH_STATUSES, type ParagraphStatus, type ParagraphView } from '../../shared/paragraphs';

export type StatusCounts = Record<ParagraphStatus, number>;

export interface Progress {
  preamble: StatusCounts;
  operative: StatusCounts;
  all: StatusCounts;
  total: number;
  /** Each delegation an agreement waits for, with the labels of the paragraphs it holds. */
  pending: Array<{ delegation: string; labels: string[] }>;
  /** Per status, how many more (or fewer) paragraphs have it than when the round started. */
  movement: StatusCounts;
  /** Status changes made since the round started. */
  changes: number;
}

function zeroCounts(): StatusCounts {
  return Object.fromEntries(PARAGRAPH_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** The status a paragraph had at `since`: the `from` of its first later change, else its status now. */
export function statusAt(paragraph: ParagraphView, since: string | null): ParagraphStatus {
  if (since === null) return paragraph.statusHistory[0]?.from ?? paragraph.status;
  const later = paragraph.statusHistory.filter((change) => change.at > since).sort((a, b) => a.at.localeCompare(b.at));
  return later[0]?.from ?? paragraph.status;
}

/**
 * Where the reading stands: counts per status in each part, who agreements wait for, and
 * how it moved since `since` (the start of the round; null: since the draft began).
 */
export function progressOf(paragraphs: readonly ParagraphView[], since: string | null): Progress {
  const progress: Progress = {
    preamble: zeroCounts(),
    operative: zeroCounts(),
    all: zeroCounts(),
    total: paragraphs.length,
    pending: [],
    movement: zeroCounts(),
    changes: 0,
  };
  const waitingFor = new Map<string, string[]>();
  for (const paragraph of paragraphs) {
    (paragraph.kind === 'pp' ? progress.preamble : progress.operative)[paragraph.status] += 1;
    progress.all[paragraph.status] += 1;
    progress.movement[paragraph.status] += 1;
    progress.movement[statusAt(paragraph, since)] -= 1;
    progress.changes += paragraph.statusHistory.filter((change) => since === null || change.at > since).length;
    if (paragraph.status === 'agreed_pending') {
      for (const delegation of paragraph.pending) waitingFor.set(delegation, [...(waitingFor.get(delegation) ?? []), paragraph.label]);
    }
  }
  progress.pending = [...waitingFor]
    .map(([delegation, labels]) => ({ delegation, labels }))
    .sort((a, b) => a.delegation.localeCompare(b.delegation));
  return progress;
}

/** A share as the room says it: "37%"; "–" of nothing. */
export function share(count: number, total: number): string {
  return total === 0 ? '–' : `${Math.round((count / total) * 100)}%`;
}
