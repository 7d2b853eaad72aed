import type { ActivityEntry } from '../../../shared/versions';
import type { StoredUpdate } from '../../store/types';
import type { Author } from './attributionReplay';
import { wordsTyped } from './wordsTyped';

/** Updates by the same delegation closer together than this form one stretch of editing. */
const STRETCH_GAP_MS = 10 * 60 * 1000;

/** Folds the log into stretches of editing per delegation, newest first, keeping at most `limit`. */
export async function groupActivity(
  updates: AsyncIterable<StoredUpdate>,
  authorOf: (userId: string) => Author | undefined,
  limit: number,
): Promise<ActivityEntry[]> {
  const open = new Map<string, ActivityEntry>();
  const closed: ActivityEntry[] = [];
  // The last character each delegation wrote in its open stretch: a word typed over two updates counts once.
  const lastChar = new Map<string, string>();
  for await (const update of updates) {
    const author = authorOf(update.authorId);
    const delegation = author?.delegation ?? 'Unknown';
    const stretch = open.get(delegation);
    const continues = stretch && Date.parse(update.at) - Date.parse(stretch.end) <= STRETCH_GAP_MS;
    const typed = wordsTyped(update.update, continues ? (lastChar.get(delegation) ?? ' ') : ' ');
    lastChar.set(delegation, typed.last);
    if (stretch && continues) {
      stretch.end = update.at;
      stretch.updates += 1;
      stretch.words += typed.words;
      continue;
    }
    if (stretch) closed.push(stretch);
    open.set(delegation, { delegation, authorName: author?.displayName ?? 'Unknown', start: update.at, end: update.at, updates: 1, words: typed.words });
    // Only the newest `limit` can be returned: drop older ones as we go so memory stays bounded.
    if (closed.length > limit * 2) closed.splice(0, closed.length - limit);
  }
  return [...closed, ...open.values()].sort((a, b) => b.end.localeCompare(a.end)).slice(0, limit);
}
