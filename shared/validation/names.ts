import { z } from 'zod';

/**
 * Characters no name may contain: C0/C1 controls (a NUL, a newline or an escape in a title
 * breaks lists, logs and exports), line and paragraph separators, and the bidirectional
 * embeddings, overrides and isolates that can make a name display as something it is not.
 * Left-to-right and right-to-left marks stay allowed: Arabic and Hebrew names need them.
 */
const FORBIDDEN_IN_NAMES = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export function hasControlCharacters(text: string): boolean {
  return FORBIDDEN_IN_NAMES.test(text);
}

/** A name taken from text nobody validated as a name (the heading of a draft): each forbidden character becomes a space. */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(FORBIDDEN_IN_NAMES.source, 'gu'), ' ');
}

/**
 * A string schema for a name (title, symbol, username, delegation...): trimmed (surrounding
 * whitespace, tabs and newlines included), then refused if it still holds a control character.
 */
export function nameText(maxLength: number): z.ZodString {
  return z
    .string()
    .trim()
    .max(maxLength)
    .refine((text) => !hasControlCharacters(text), 'must not contain control characters');
}
