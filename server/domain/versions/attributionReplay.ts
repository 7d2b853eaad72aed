import * as Y from 'yjs';
import type { ParagraphAttribution } from '../../../shared/versions';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import type { StoredUpdate } from '../../store/types';

/** Who made a change: their delegation in the draft's negotiation, and their name. */
export interface Author {
  delegation: string;
  displayName: string;
}

/** What the replay needs of a log entry (no draft id, no seq). */
export type ReplayedUpdate = Pick<StoredUpdate, 'update' | 'authorId' | 'at'>;

/**
 * Replays the log from a known state, one entry at a time, and notes for every paragraph an
 * update touched which delegation made it and when. Fed in batches, so memory stays flat
 * however long the history. destroy() when done.
 */
export class AttributionReplay {
  private readonly doc = new Y.Doc({ gc: false });
  private readonly byParagraph = new Map<string, Map<string, ParagraphAttribution['delegations'][number]>>();
  private current: ReplayedUpdate | null = null;

  constructor(
    startState: Uint8Array,
    private readonly authorOf: (userId: string) => Author | undefined,
  ) {
    Y.applyUpdate(this.doc, startState);
    this.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).observeDeep((events) => this.touched(events).forEach((id) => this.note(id)));
  }

  apply(update: ReplayedUpdate): void {
    this.current = update;
    try {
      Y.applyUpdate(this.doc, update.update);
    } catch {
      // An unreadable entry was already skipped when the draft was loaded; skip it here too.
    }
  }

  result(): ParagraphAttribution[] {
    return [...this.byParagraph.entries()].map(([paragraphId, people]) => ({ paragraphId, delegations: [...people.values()] }));
  }

  destroy(): void {
    this.doc.destroy();
  }

  private touched(events: Array<Y.YEvent<Y.AbstractType<unknown>>>): Set<string> {
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
    return touched;
  }

  private note(paragraphId: string): void {
    const current = this.current;
    if (!current) return;
    const author = this.authorOf(current.authorId);
    const delegation = author?.delegation ?? 'Unknown';
    const people = this.byParagraph.get(paragraphId) ?? new Map();
    this.byParagraph.set(paragraphId, people);
    const entry = people.get(delegation) ?? { delegation, authorName: author?.displayName ?? 'Unknown', changes: 0, firstAt: current.at, lastAt: current.at };
    entry.changes += 1;
    entry.lastAt = current.at;
    people.set(delegation, entry);
  }
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
