/**
 * Finds the lead words of a preambular or operative paragraph, the phrase set in
 * italics by UN style: "Recalling", "Deeply concerned", "Noting with concern",
 * "Bearing in mind", "Calls upon", "Takes note with appreciation", "Requests also".
 */

/** Adverbs that may open a paragraph before the participle or verb. */
const LEADING_ADVERBS = new Set(['further', 'also', 'once', 'again', 'now']);

/** Words that continue the lead phrase after its verb, tried repeatedly, longest first. */
const CONTINUATIONS: string[][] = [
  ...['deep', 'grave', 'great', 'serious', 'particular'].map((q) => ['with', q, 'concern']),
  ...['concern', 'appreciation', 'satisfaction', 'interest', 'regret', 'alarm', 'gratitude'].map((w) => ['with', w]),
  ...['appreciation', 'concern', 'support', 'gratitude', 'commitment', 'determination', 'conviction'].map((w) => ['its', w]),
  ['deep', 'concern'],
  ['in', 'mind'],
  ['into', 'account'],
  ['into', 'consideration'],
  ['note'],
  ['upon'],
  ['on'],
  ['also'],
  ['further'],
  ['again'],
];

const WORD = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*/y;

interface Word {
  text: string;
  end: number;
}

function wordsAtStart(text: string, max: number): Word[] {
  const words: Word[] = [];
  // Square brackets are negotiation notation ("[Strongly] urges"): they open or join a phrase.
  let at = /^\[*/.exec(text)![0].length;
  while (words.length < max) {
    WORD.lastIndex = at;
    const match = WORD.exec(text);
    if (!match) break;
    words.push({ text: match[0].toLowerCase(), end: WORD.lastIndex });
    // Only plain spaces, perhaps around brackets, join words of one phrase; a comma ends it.
    const gap = /^\]* +\[*/.exec(text.slice(WORD.lastIndex));
    if (!gap) break;
    at = WORD.lastIndex + gap[0].length;
  }
  return words;
}

function isAdverb(word: string): boolean {
  return LEADING_ADVERBS.has(word) || (word.endsWith('ly') && word.length > 3);
}

/** Length in characters of the lead phrase at the start of `text`; 0 when it starts with no word. */
export function leadWordsLength(text: string): number {
  const words = wordsAtStart(text, 10);
  if (words.length === 0) return 0;
  let i = 0;
  while (i < words.length - 1 && i < 2 && isAdverb(words[i].text)) i++;
  // "Having considered", "Having examined": the auxiliary takes its participle along.
  if (words[i].text === 'having' && i + 1 < words.length) i++;
  let last = i;
  for (let round = 0; round < 3; round++) {
    const next = CONTINUATIONS.find((phrase) =>
      phrase.every((word, k) => words[last + 1 + k]?.text === word),
    );
    if (!next) break;
    last += next.length;
  }
  const end = words[last].end;
  return end + /^\]*/.exec(text.slice(end))![0].length;
}
