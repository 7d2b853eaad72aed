import type * as Y from 'yjs';

/** One UTF-16 unit of a text with its formatting (y-prosemirror's marks), comparable by value. */
interface Unit {
  char: string;
  format: string;
  attributes: Record<string, unknown>;
}

/**
 * A text as it stood, able to put itself back by changing only the stretch between what is still
 * the same at both ends: the characters outside it stay the very same Yjs items, so comments and
 * proposals anchored there (relative positions) keep resolving.
 */
export class TextState {
  private readonly units: Unit[] | null;

  constructor(text: Y.XmlText) {
    this.units = unitsOf(text);
  }

  /** Whether `text` can be put back in place (both states are plain formatted text, no embeds). */
  canRestore(text: Y.XmlText): boolean {
    return this.units !== null && unitsOf(text) !== null;
  }

  /** Call inside a transaction, after canRestore; true when something had to be put back. */
  restore(text: Y.XmlText): boolean {
    const before = this.units!;
    const now = unitsOf(text)!;
    let start = 0;
    while (start < now.length && start < before.length && same(now[start], before[start])) start++;
    let end = 0;
    while (end < now.length - start && end < before.length - start && same(now[now.length - 1 - end], before[before.length - 1 - end])) end++;
    // Never cut between the two halves of a surrogate pair: Yjs would replace the half left alone.
    if (start > 0 && isHighSurrogate(before[start - 1].char)) start--;
    if (end > 0 && isLowSurrogate(before[before.length - end].char)) end--;
    const removed = now.length - start - end;
    const restored = before.slice(start, before.length - end);
    if (removed === 0 && restored.length === 0) return false;
    if (removed > 0) text.delete(start, removed);
    let index = start;
    for (const run of runsOf(restored)) {
      // Attributes always given: without them Yjs would take the formatting found at the index.
      text.insert(index, run.text, run.attributes);
      index += run.text.length;
    }
    return true;
  }
}

function unitsOf(text: Y.XmlText): Unit[] | null {
  const units: Unit[] = [];
  for (const { insert, attributes = {} } of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof insert !== 'string') return null;
    const format = JSON.stringify(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const char of insert.split('')) units.push({ char, format, attributes });
  }
  return units;
}

function runsOf(units: Unit[]): Array<{ text: string; attributes: Record<string, unknown> }> {
  const runs: Array<{ text: string; format: string; attributes: Record<string, unknown> }> = [];
  for (const unit of units) {
    const last = runs[runs.length - 1];
    if (last && last.format === unit.format) last.text += unit.char;
    else runs.push({ text: unit.char, format: unit.format, attributes: unit.attributes });
  }
  return runs;
}

const same = (a: Unit, b: Unit) => a.char === b.char && a.format === b.format;
const isHighSurrogate = (char: string) => char >= '\ud800' && char <= '\udbff';
const isLowSurrogate = (char: string) => char >= '\udc00' && char <= '\udfff';
