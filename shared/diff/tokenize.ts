/**
 * Words (letters, digits and combining marks), runs of whitespace, and single
 * punctuation characters. Keeping whitespace as tokens of its own lets a changed
 * word show as just that word, and a changed comma as just that comma, which is
 * how negotiators read amendments ("delete 'extreme'", "replace ';' with '.'").
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/u;

/** Split text into tokens whose concatenation is the text itself. */
export function tokenize(text: string): string[] {
  // A fresh global regex per call: a shared one would carry `lastIndex` between calls.
  return text.match(new RegExp(TOKEN.source, 'gu')) ?? [];
}

export function isWhitespace(text: string): boolean {
  return /^\s+$/.test(text);
}
