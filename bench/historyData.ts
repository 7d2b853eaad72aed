import * as Y from 'yjs';
import { loadDocument } from '../server/collab/loadDocument';
import { DraftService } from '../server/domain/draftService';
import { seedDemo } from '../server/domain/seed/seedDemo';
import { newVersion } from '../server/domain/versions/newVersion';
import { createLogger } from '../server/logger';
import { openSqliteStore } from '../server/store/sqlite/openSqliteStore';
import type { NewUpdate } from '../server/store/types';
import { PROSEMIRROR_FRAGMENT } from '../shared/schema';
import { pick, seededRandom } from '../test/helpers/seededRandom';

export interface HistoryShape {
  updates: number;
  versions: number;
  /** Whether the log ends with a snapshot, as the server takes one every SNAPSHOT_EVERY updates (default true). */
  snapshot?: boolean;
}

const WORDS = ['further', 'strongly', 'inter alia', 'as appropriate', 'Member States', 'including', 'bis', 'relevant'];
const BATCH = 1_000;
/** Simulated time between two updates: a long negotiation, not a burst. */
const SECONDS_PER_UPDATE = 3;

/**
 * Writes a long negotiation straight into a fresh SQLite store (as the server would have):
 * the demo accounts and draft, `updates` small edits by rotating delegations, and a version
 * every updates/versions edits (every tenth one named). Returns the draft id.
 */
export async function buildHistory(dataDir: string, shape: HistoryShape): Promise<string> {
  const logger = createLogger('silent');
  const store = await openSqliteStore(dataDir);
  try {
    await seedDemo(store, new DraftService(store.drafts, store.documents, store.versions), logger);
    const draft = (await store.drafts.list()).find((d) => d.symbol === 'E/CN.15/2026/L.4')!;
    const members = await store.memberships.listByNegotiation(draft.negotiationId);
    const authors = members.filter((m) => m.role !== 'observer').map((m) => m.userId);
    const { doc } = await loadDocument(store.documents, draft.id, logger);
    const texts = paragraphTexts(doc);
    const random = seededRandom(42);
    // The negotiation happens after the zero draft was seeded, as in real life.
    const start = Date.now();
    let pending: NewUpdate[] = [];
    let lastSeq = 0;
    let made = 0;
    doc.on('update', (update: Uint8Array) => {
      made += 1;
      pending.push({ draftId: draft.id, update, authorId: authors[made % authors.length], at: new Date(start + made * SECONDS_PER_UPDATE * 1000).toISOString() });
    });
    const every = Math.floor(shape.updates / shape.versions);

    while (made < shape.updates) {
      edit(texts[Math.floor(random() * texts.length)], random);
      if (pending.length >= BATCH || made % every === 0) {
        lastSeq = (await store.documents.append(pending)).at(-1)?.seq ?? lastSeq;
        pending = [];
      }
      if (made % every === 0) {
        const state = Y.encodeStateAsUpdate(doc);
        const named = (made / every) % 10 === 0;
        await store.versions.create(
          newVersion({
            draftId: draft.id,
            kind: named ? 'named' : 'auto',
            name: named ? `Round ${made / every / 10}` : null,
            author: null,
            state,
            seq: lastSeq,
            createdAt: new Date(start + made * SECONDS_PER_UPDATE * 1000).toISOString(),
          }),
        );
      }
    }
    if (pending.length > 0) lastSeq = (await store.documents.append(pending)).at(-1)!.seq;
    // As the server does every SNAPSHOT_EVERY updates: a load reads the snapshot, not 50,000 entries.
    if (shape.snapshot ?? true) await store.documents.saveSnapshot(draft.id, { state: Y.encodeStateAsUpdate(doc), seq: lastSeq });
    doc.destroy();
    return draft.id;
  } finally {
    await store.close();
  }
}

/**
 * One small edit, as a delegate proposes: a word in or a word's worth out, balanced so the
 * text keeps a realistic length over 50,000 edits (a real draft does not grow tenfold).
 */
function edit(text: Y.XmlText, random: () => number): void {
  const at = Math.floor(random() * text.length);
  if (random() < 0.5 || text.length < 60) text.insert(at, ` ${pick(random, WORDS)}`);
  else text.delete(at, Math.min(4 + Math.floor(random() * 10), text.length - at));
}

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) =>
    node.toArray().forEach((child) => {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    });
  walk(doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
  return texts;
}
