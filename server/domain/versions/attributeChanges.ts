import * as Y from 'yjs';
import type { ParagraphAttribution } from '../../../shared/versions';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import type { StoredUpdate, UserRecord } from '../../store/types';

type Author = Pick<UserRecord, 'delegation' | 'displayName'>;

/**
 * Replays the log from a known state and notes, for every paragraph an update touched,
 * which delegation made it and when. Reads the log as a stream: memory stays flat
 * however long the history.
 */
export async function attributeChanges(
  startState: Uint8Array,
  updates: AsyncIterable<StoredUpdate>,
  authorOf: (userId: string) => Author | undefined,
): Promise<ParagraphAttribution[]> {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, startState);
  const byParagraph = new Map<string, Map<string, ParagraphAttribution['delegations'][number]>>();
  let current: StoredUpdate | null = null;

  const note = (paragraphId: string) => {
    if (!current) return;
    const author = authorOf(current.authorId);
    const delegation = author?.delegation ?? 'Unknown';
    const people = byParagraph.get(paragraphId) ?? new Map();
    byParagraph.set(paragraphId, people);
    const entry = people.get(delegation) ?? { delegation, authorName: author?.displayName ?? 'Unknown', changes: 0, firstAt: current.at, lastAt: current.at };
    entry.changes += 1;
    entry.lastAt = current.at;
    people.set(delegation, entry);
  };

  doc.getXmlFragment(PROSEMIRROR_FRAGMENT).observeDeep((events) => {
    const touched = new Set<string>();
    for (const event of events) {
      const own = paragraphIdOf(event.target);
      if (own) {
        touched.add(own);
        continue;
      }
      // Paragraphs inserted or removed as a whole show up as children of their section
      // (computing `changes` is costly, so only here, where it is needed).
      for (const item of [...event.changes.added, ...event.changes.deleted]) {
        const id = item.content instanceof Y.ContentType ? elementId(item.content.type) : null;
        if (id) touched.add(id);
      }
    }
    touched.forEach(note);
  });

  try {
    for await (const update of updates) {
      current = update;
      try {
        Y.applyUpdate(doc, update.update);
      } catch {
        // An unreadable entry was already skipped when the draft was loaded; skip it here too.
      }
    }
  } finally {
    doc.destroy();
  }
  return [...byParagraph.entries()].map(([paragraphId, people]) => ({ paragraphId, delegations: [...people.values()] }));
}

function elementId(type: unknown): string | null {
  return type instanceof Y.XmlElement && type.getAttribute('id') ? String(type.getAttribute('id')) : null;
}

function paragraphIdOf(type: Y.AbstractType<unknown>): string | null {
  for (let node: Y.AbstractType<unknown> | null = type; node; node = node.parent as Y.AbstractType<unknown> | null) {
    const id = elementId(node);
    if (id) return id;
  }
  return null;
}
