/** What a line before the enacting formula is. */
export type HeadingLineKind = 'symbol' | 'masthead' | 'organ' | 'session' | 'place-and-date' | 'agenda_item' | 'sponsors' | 'formula' | 'other';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';

const PATTERNS: Array<[HeadingLineKind, RegExp]> = [
  ['formula', /^The [A-Z][^,;:.]{2,150},$/],
  ['symbol', /^[A-Z][A-Z0-9.]*(?:\/[A-Za-z0-9.()-]+)+$/],
  ['masthead', /^(?:Distr\.?\s*:?\s*(?:Limited|General|Restricted)\.?|Original\s*:\s*[A-Za-z]+\.?|United Nations|Nations Unies)$/i],
  ['masthead', new RegExp(`^\\d{1,2}\\s+${MONTH}\\s+\\d{4}$`)],
  ['sponsors', /^(?:.+:\s*)?(?:revised\s+)?draft (?:resolution|decision)s?\.?$/i],
  ['agenda_item', /^(?:agenda\s+)?items?\s+\d+|\bof the (?:provisional )?agenda\b/i],
  ['session', /^(?:[A-Za-z-]+\s+){1,3}session\b/i],
  ['place-and-date', new RegExp(`^[A-Z][A-Za-z .'-]+,\\s+\\d{1,2}(?:\\s*[–-]\\s*\\d{1,2})?\\s+${MONTH}(?:\\s*[–-]\\s*\\d{1,2}\\s+${MONTH})?\\s+\\d{4}$`)],
  [
    'organ',
    /^(?:General Assembly|Economic and Social Council|Security Council|Human Rights Council|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and Decolonization Committee|(?:Ad Hoc |Preparatory |Special )?(?:Commission|Committee|Council|Conference|Board|Working Group|Assembly)\b[^.,;:]*)$/,
  ],
];

/** Recognises a heading line by its form; "other" is left for the title or for the list of problems. */
export function headingLineKind(text: string): HeadingLineKind {
  if (text.length > 300) return 'other';
  for (const [kind, pattern] of PATTERNS) {
    if (pattern.test(text) && (kind !== 'symbol' || /\d/.test(text))) return kind;
  }
  return 'other';
}

/**
 * The masthead's first row set on one line ("United Nations", a tab, the symbol: as our export and
 * Word templates lay it out) as its two lines; any other line as it is.
 */
export function headingLineParts(text: string): string[] {
  const row = /^(United Nations|Nations Unies)\s+(\S+)$/.exec(text);
  return row && headingLineKind(row[2]) === 'symbol' ? [row[1], row[2]] : [text];
}
