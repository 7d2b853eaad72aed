import * as Y from 'yjs';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Counts the words written in a run of updates, typed a key at a time or pasted: a word starts
 * where a letter or digit follows anything else. `after`: the last character written before
 * this update in the same stretch, so "Urg" + "es" is one word, not two. What was deleted or
 * only formatted writes no words.
 */
export function wordsTyped(update: Uint8Array, after: string): { words: number; last: string } {
  let words = 0;
  let last = after;
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
    for (const char of struct.content.str) {
      if (WORD_CHAR.test(char) && !WORD_CHAR.test(last)) words += 1;
      last = char;
    }
  }
  return { words, last };
}
