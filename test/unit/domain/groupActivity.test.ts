/** @jest-environment jsdom */
import * as Y from 'yjs';
import { activityList } from '../../../client/history/activityList';
import { groupActivity } from '../../../server/domain/versions/groupActivity';
import type { StoredUpdate } from '../../../server/store/types';

/** The updates of one delegation typing `keys` a key at a time into a paragraph, one a second, then deleting `deleted` characters. */
function typing(authorId: string, keys: string, deleted = 0): StoredUpdate[] {
  const doc = new Y.Doc();
  const text = doc.getText('paragraph');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const key of keys) text.insert(text.length, key);
  if (deleted) text.delete(0, deleted);
  doc.destroy();
  return updates.map((update, i) => ({ draftId: 'd1', update, authorId, at: new Date(Date.UTC(2026, 10, 29, 12, 0, i)).toISOString(), seq: i + 1 }));
}

async function* log(updates: StoredUpdate[]): AsyncIterable<StoredUpdate> {
  yield* updates;
}

const authors = (id: string) => ({ delegation: id === 'kz' ? 'Kazakhstan' : 'Belarus', displayName: `Delegate ${id}` });

describe('the activity of a draft', () => {
  it('counts the words written in a stretch, not the keystrokes', async () => {
    const [stretch] = await groupActivity(log(typing('kz', 'Urges Member States, in particular,')), authors, 10);
    expect(stretch).toMatchObject({ delegation: 'Kazakhstan', words: 5 });
    const shown = activityList([stretch]).textContent;
    expect(shown).toContain('5 words written');
    expect(shown).not.toMatch(/\d+ changes/);
  });

  it('says a stretch of deleting wrote no words', async () => {
    const updates = typing('by', 'Urges', 5).slice(-1);
    const [stretch] = await groupActivity(log(updates), authors, 10);
    expect(stretch.words).toBe(0);
    expect(activityList([stretch]).textContent).toContain('deleted or formatted text');
  });
});
