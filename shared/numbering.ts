import type { Node as PMNode } from 'prosemirror-model';

/** How a paragraph is referred to in the negotiation room and shown in the margin. */
export interface ParagraphLabel {
  id: string | null;
  /** Position of the paragraph node in the document. */
  pos: number;
  kind: 'pp' | 'op';
  /** Sub-paragraph depth: 0 for PPs and OPs, 1 for (a), 2 for (i) ... */
  level: number;
  /** The number printed in the text: "3.", "(b)", "(ii)"; empty for PPs and a lone OP. */
  printed: string;
  /** The short reference delegates use: "PP4", "OP3", "OP3(b)(ii)". */
  reference: string;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

export function toRoman(n: number): string {
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

/** 1 -> a, 26 -> z, 27 -> aa (as spreadsheets and long UN lists do). */
export function toLetters(n: number): string {
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(97 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The bare counter at a sub-paragraph level: level 1 -> "b", 2 -> "ii", 3 -> "b", 4 -> "ii". */
function counterText(level: number, n: number): string {
  return level % 2 === 1 ? toLetters(n) : toRoman(n);
}

/** The printed form: (a) and (i) for the first two levels, a. and i. below them. */
function printedSubLabel(level: number, n: number): string {
  const counter = counterText(level, n);
  return level <= 2 ? `(${counter})` : `${counter}.`;
}

/**
 * Derive the numbering of every preambular and operative paragraph of a draft.
 * Numbers are never stored: they follow from the order and level of paragraphs,
 * so they stay right however paragraphs are inserted, moved or deleted.
 */
export function numberParagraphs(doc: PMNode): ParagraphLabel[] {
  const labels: ParagraphLabel[] = [];
  let pp = 0;
  let opCount = 0;
  doc.descendants((node) => {
    if (node.type.name === 'operative_paragraph' && node.attrs.level === 0) opCount += 1;
    return node.isBlock && !node.isTextblock;
  });
  const counters: number[] = [0, 0, 0, 0, 0];
  const refParts: string[] = ['', '', '', '', ''];

  doc.descendants((node, pos) => {
    if (node.type.name === 'preambular_paragraph') {
      pp += 1;
      labels.push({ id: node.attrs.id, pos, kind: 'pp', level: 0, printed: '', reference: `PP${pp}` });
    } else if (node.type.name === 'operative_paragraph') {
      // A sub-paragraph can never be deeper than one below its predecessor.
      const level = Math.min(node.attrs.level as number, deepestOpenLevel(counters) + 1);
      counters[level] += 1;
      for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
      refParts[level] = level === 0 ? `OP${counters[0]}` : `(${counterText(level, counters[level])})`;
      const printed =
        level === 0 ? (opCount === 1 ? '' : `${counters[0]}.`) : printedSubLabel(level, counters[level]);
      labels.push({
        id: node.attrs.id,
        pos,
        kind: 'op',
        level,
        printed,
        reference: refParts.slice(0, level + 1).join(''),
      });
    }
    return node.isBlock && !node.isTextblock;
  });
  return labels;
}

function deepestOpenLevel(counters: number[]): number {
  let deepest = -1;
  for (let level = 0; level < counters.length; level++) if (counters[level] > 0) deepest = level;
  return deepest;
}
