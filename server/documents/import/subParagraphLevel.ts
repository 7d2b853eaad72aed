import { MAX_SUBPARAGRAPH_LEVEL } from '../../../shared/schema';
import { toLetters, toRoman } from '../../../shared/numbering';
import type { ListNumber } from './sourceParagraph';
import { isRoman, type TypedNumber } from './typedNumber';

/** The level Word's numbering gives: 1. -> 0, (a) -> 1, (i) -> 2, a. -> 3, i. -> 4. */
export function listNumberLevel({ format, text, ilvl }: ListNumber): number {
  const inParentheses = text.includes('(');
  if (format === 'decimal' || format === 'decimalZero') return 0;
  if (/letter/i.test(format)) return inParentheses || ilvl < 3 ? 1 : 3;
  if (/roman/i.test(format)) return inParentheses || ilvl < 4 ? 2 : 4;
  return Math.min(ilvl, MAX_SUBPARAGRAPH_LEVEL);
}

const valueOf = (counter: string, name: (n: number) => string) => {
  for (let n = 1; n <= 100; n++) if (name(n) === counter) return n;
  return 0;
};
const follows = (counter: string, previous: string | undefined, name: (n: number) => string) =>
  previous === undefined ? counter === name(1) : counter === name(valueOf(previous, name) + 1);

/**
 * Tracks the counters typed so far in one operative paragraph to tell "(i)" the letter (after
 * "(h)") from "(i)" the roman numeral (under "(h)"), looking at the next number when both fit.
 */
export class TypedLevels {
  private counters: Array<string | undefined> = [];

  level(number: TypedNumber, next: TypedNumber | null): number {
    if (number.style === 'decimal') return this.set(0, number.counter);
    const [letterLevel, romanLevel] = number.style === 'paren' ? [1, 2] : [3, 4];
    const { counter } = number;
    const letterFits = follows(counter, this.counters[letterLevel], toLetters);
    const romanFits = isRoman(counter) && follows(counter, this.counters[romanLevel], toRoman);
    const romanNext = next?.style === number.style && next.counter === toRoman(valueOf(counter, toRoman) + 1);
    const roman = isRoman(counter) && (!letterFits || (romanFits && (counter !== 'i' || romanNext)));
    return this.set(roman ? romanLevel : letterLevel, counter);
  }

  private set(level: number, counter: string): number {
    this.counters = [...this.counters.slice(0, level), counter];
    return level;
  }
}
