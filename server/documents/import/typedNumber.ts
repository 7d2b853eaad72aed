/** A number typed at the start of a paragraph ("1.", "(a)", "(iv)", "b."), as the text gives it. */
export interface TypedNumber {
  /** "decimal" for 1., "paren" for (a) and (i), "dot" for a. and i. */
  style: 'decimal' | 'paren' | 'dot';
  /** The counter: "1", "a", "iv". */
  counter: string;
  /** Characters to strip from the paragraph, spaces after the number included. */
  length: number;
}

const DECIMAL = /^(\d{1,3})[.)](?:\s+|$)/;
const PAREN = /^\(([a-z]{1,2}|[ivxl]{1,6})\)\s*/i;
const DOT = /^([a-z]|[ivx]{1,5})[.)]\s+/;

export function typedNumber(text: string): TypedNumber | null {
  for (const [style, pattern] of [['decimal', DECIMAL], ['paren', PAREN], ['dot', DOT]] as const) {
    const match = pattern.exec(text);
    if (match) return { style, counter: match[1].toLowerCase(), length: match[0].length };
  }
  return null;
}

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;

export function isRoman(counter: string): boolean {
  return counter !== '' && ROMAN.test(counter);
}
