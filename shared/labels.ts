import { toLetters, toRoman } from './numbering';

/**
 * Stable labels for a round (see docs/DESIGN.md "Stable labels and rounds"). Paragraphs of the
 * round's base text keep their base reference ("PP4", "OP3(a)") for the whole round; paragraphs
 * inserted since are named after the nearest base paragraph before them at their level:
 * PP4bis, PP4ter, ..., OP3(a)bis. The function is pure: the same base and the same current
 * order (which Yjs makes identical on every replica) give the same labels everywhere.
 */

/** A paragraph as numberParagraphs sees it: `reference` is its clean reference ("OP3(a)"). */
export interface LabelInput {
  id: string;
  kind: 'pp' | 'op';
  level: number;
  reference: string;
}

/** bis is the second paragraph of a place, so index 0 stands for 2. */
const LATIN = [
  'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies',
  'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'sexdecies',
  'septdecies', 'octodecies', 'novodecies', 'vicies',
];

/** The suffix of the `nth` paragraph inserted after one place: 1 -> bis, 2 -> ter ...; past vicies "-21". */
export function latinSuffix(nth: number): string {
  return LATIN[nth - 1] ?? `-${nth + 1}`;
}

/** Sub-paragraph counters as in references: (a) at odd levels, (i) at even ones. */
function subCounter(level: number, n: number): string {
  return `(${level % 2 === 1 ? toLetters(n) : toRoman(n)})`;
}

/** The siblings under one parent at one level, as the walk meets them. */
interface Place {
  /** The prefix its labels start with: "PP", "OP", or the parent's label ("OP3", "OP3bis(a)"). */
  parent: string;
  /** Did the base have paragraphs here? If not, new ones are simply counted: OP3(a), OP3(b). */
  hadBase: boolean;
  /** The last base paragraph met here, and how many new ones followed it (or, before any, opened the place). */
  anchor: string | null;
  sinceAnchor: number;
}

/** Where a paragraph sits: its level and the label of its parent ("PP"/"OP" at the top). */
interface Position {
  level: number;
  parent: string;
  /** Identifies the place: "op|1|OP3" for the sub-paragraphs of OP3. */
  key: string;
}

/**
 * Walks paragraphs in order and hands `name` each one's position; what `name` returns is the
 * parent label of the deeper paragraphs after it.
 */
function walk(paragraphs: LabelInput[], name: (p: LabelInput, at: Position) => string): void {
  const chains: Record<LabelInput['kind'], string[]> = { pp: [], op: [] };
  for (const p of paragraphs) {
    const chain = chains[p.kind];
    // As in numberParagraphs: never deeper than one below the paragraph before.
    const level = Math.min(p.level, chain.length);
    const parent = level === 0 ? p.kind.toUpperCase() : chain[level - 1];
    chain.length = level;
    chain.push(name(p, { level, parent, key: `${p.kind}|${level}|${parent}` }));
  }
}

/** The label of the round of every current paragraph, by id, given the paragraphs of the round's base. */
export function labelParagraphs(base: LabelInput[], current: LabelInput[]): Map<string, string> {
  const baseById = new Map<string, LabelInput>();
  const basePlaces = new Set<string>();
  walk(base, (p, at) => {
    baseById.set(p.id, { ...p, level: at.level });
    basePlaces.add(at.key);
    return p.reference;
  });

  const labels = new Map<string, string>();
  const places = new Map<string, Place>();
  walk(current, (p, at) => {
    let place = places.get(at.key);
    if (!place) places.set(at.key, (place = { parent: at.parent, hadBase: basePlaces.has(at.key), anchor: null, sinceAnchor: 0 }));
    const inBase = baseById.get(p.id);
    // A paragraph keeps its base label while it stays what it was: same kind and level, met once.
    if (inBase && inBase.kind === p.kind && inBase.level === at.level && !labels.has(p.id)) {
      place.anchor = inBase.reference;
      place.sinceAnchor = 0;
    } else {
      place.sinceAnchor += 1;
    }
    const label = place.anchor === null ? newcomerLabel(place, at.level) : place.anchor + (place.sinceAnchor ? latinSuffix(place.sinceAnchor) : '');
    if (!labels.has(p.id)) labels.set(p.id, label);
    return label;
  });
  return labels;
}

/** A new paragraph with no base paragraph before it at its place: PP0bis, OP3(0)bis; or counted where the base had none. */
function newcomerLabel(place: Place, level: number): string {
  if (place.hadBase) return `${place.parent}${level === 0 ? '0' : '(0)'}${latinSuffix(place.sinceAnchor)}`;
  return place.parent + (level === 0 ? String(place.sinceAnchor) : subCounter(level, place.sinceAnchor));
}
