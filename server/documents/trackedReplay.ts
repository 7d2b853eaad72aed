import * as Y from 'yjs';
import { PARAGRAPH_TYPES, PROSEMIRROR_FRAGMENT } from '../../shared/schema';
import type { Author, ReplayedUpdate } from '../domain/versions/attributionReplay';
import { ClockRanges, type Writer } from './clockRanges';
import { MARKS, type DraftModel, type Mark, type ModelParagraph, type ParagraphType, type Run, type RunChange } from './draftModel';
import { clampLevels } from './operativeLevels';

/**
 * A draft's text against an older version, with every inserted and deleted run attributed to the
 * delegation whose update made it. The log between the two versions is replayed, entry by entry,
 * into a document that keeps deleted content (gc off); each entry's new Yjs ids and the ids it
 * deletes are noted with its author. The result walks the final document, deleted items included:
 * an item noted as inserted is an insertion by that author, one noted as deleted a deletion by
 * its deleter, anything else was there before and stays. Fed in batches, as AttributionReplay.
 */
export class TrackedReplay {
  private readonly doc = new Y.Doc({ gc: false });
  private readonly inserted = new ClockRanges();
  private readonly deleted = new ClockRanges();

  constructor(
    baseState: Uint8Array,
    private readonly authorOf: (userId: string) => Author | undefined,
  ) {
    Y.applyUpdate(this.doc, baseState);
  }

  apply({ update, authorId, at }: ReplayedUpdate): void {
    const writer: Writer = { author: this.authorOf(authorId)?.delegation ?? 'Unknown', at };
    try {
      const { structs, ds } = Y.decodeUpdate(update);
      for (const struct of structs) {
        if (!(struct instanceof Y.Item)) continue;
        // Ids the document already holds were written by an earlier update, whoever resends them.
        const known = Y.getState(this.doc.store, struct.id.client);
        const start = Math.max(struct.id.clock, known);
        this.inserted.note(struct.id.client, start, struct.id.clock + struct.length - start, writer);
      }
      for (const [client, deletions] of ds.clients) deletions.forEach(({ clock, len }) => this.deleted.note(client, clock, len, writer));
      Y.applyUpdate(this.doc, update);
    } catch {
      // An unreadable entry was already skipped when the draft was loaded; skip it here too.
    }
  }

  result(labels: ReadonlyMap<string, string>, date: string): DraftModel {
    const paragraphs: ModelParagraph[] = [];
    this.collect(this.doc.getXmlFragment(PROSEMIRROR_FRAGMENT), labels, paragraphs);
    return { paragraphs: clampLevels(paragraphs), date };
  }

  destroy(): void {
    this.doc.destroy();
  }

  private collect(parent: Y.XmlFragment, labels: ReadonlyMap<string, string>, out: ModelParagraph[]): void {
    for (let item = parent._start; item; item = item.right) {
      if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.XmlElement)) continue;
      const element = item.content.type;
      if (!PARAGRAPH_TYPES.has(element.nodeName)) {
        this.collect(element, labels, out);
        continue;
      }
      const [piece] = this.states(item, item.id.clock, item.id.clock + 1);
      if (!piece.inBase && !piece.inTarget) continue;
      const id = attributeOf(element, 'id');
      out.push({
        id: typeof id === 'string' ? id : null,
        type: element.nodeName as ParagraphType,
        level: Number(attributeOf(element, 'level') ?? 0) || 0,
        label: (typeof id === 'string' && labels.get(id)) || '',
        number: '',
        runs: this.runsOf(element),
        ...(piece.change && { change: piece.change }),
      });
    }
  }

  private runsOf(paragraph: Y.XmlElement): Run[] {
    const runs: Run[] = [];
    for (let child = paragraph._start; child; child = child.right) {
      if (child.content instanceof Y.ContentType && child.content.type instanceof Y.XmlText) this.textRuns(child.content.type, runs);
    }
    return runs;
  }

  /** The runs of one text, formats applied as they stand in the new text (in the old one for deleted runs). */
  private textRuns(text: Y.XmlText, runs: Run[]): void {
    const formats = { base: new Map<string, unknown>(), target: new Map<string, unknown>() };
    for (let item = text._start; item; item = item.right) {
      const content = item.content;
      if (content instanceof Y.ContentFormat) {
        const [piece] = this.states(item, item.id.clock, item.id.clock + 1);
        if (piece.inBase) setFormat(formats.base, content);
        if (piece.inTarget) setFormat(formats.target, content);
      } else if (content instanceof Y.ContentString) {
        for (const piece of this.states(item, item.id.clock, item.id.clock + item.length)) {
          if (!piece.inBase && !piece.inTarget) continue;
          const marks = marksOf(piece.inTarget ? formats.target : formats.base);
          const runText = content.str.slice(piece.start - item.id.clock, piece.end - item.id.clock);
          pushRun(runs, { text: runText, marks, ...(piece.change && { change: piece.change }) });
        }
      }
    }
  }

  /** Where each stretch of an item's ids stands: in the old text, in the new one, and the change between. */
  private states(item: Y.Item, start: number, end: number) {
    const client = item.id.client;
    const deletions = this.deleted.pieces(client, start, end);
    return this.inserted.pieces(client, start, end).flatMap((insertion) =>
      deletions
        .filter((deletion) => deletion.start < insertion.end && deletion.end > insertion.start)
        .map((deletion) => {
          const deleter = item.deleted ? deletion.writer : null;
          const inBase = !insertion.writer && (!item.deleted || deleter !== null);
          const inTarget = !item.deleted;
          const change: RunChange | null =
            insertion.writer && inTarget ? { kind: 'insert', ...insertion.writer } : inBase && deleter ? { kind: 'delete', ...deleter } : null;
          return { start: Math.max(insertion.start, deletion.start), end: Math.min(insertion.end, deletion.end), inBase, inTarget, change };
        }),
    );
  }
}

/** An attribute of an element, also when the element was deleted (its attributes are deleted with it). */
function attributeOf(element: Y.XmlElement, key: string): unknown {
  return element._map.get(key)?.content.getContent().at(-1);
}

function setFormat(formats: Map<string, unknown>, { key, value }: Y.ContentFormat): void {
  if (value === null) formats.delete(key);
  else formats.set(key, value);
}

/** y-prosemirror names a mark's attribute after the mark ("em", or "em--<hash>" for marks that may overlap). */
function marksOf(formats: Map<string, unknown>): Mark[] {
  return [...formats.keys()].map((key) => key.split('--')[0]).filter((name): name is Mark => MARKS.has(name));
}

/** Appends a run, joined to the one before when it looks the same and comes from the same change. */
function pushRun(runs: Run[], run: Run): void {
  const last = runs.at(-1);
  const sameChange = last?.change?.kind === run.change?.kind && last?.change?.author === run.change?.author;
  if (last && sameChange && last.marks.join() === run.marks.join()) last.text += run.text;
  else runs.push(run);
}
