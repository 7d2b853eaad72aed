import { tokenize } from '../../../shared/diff/tokenize';

describe('tokenize', () => {
  it('splits words, whitespace runs and single punctuation characters', () => {
    expect(tokenize('Urges  Member States, inter alia;')).toEqual([
      'Urges', '  ', 'Member', ' ', 'States', ',', ' ', 'inter', ' ', 'alia', ';',
    ]);
  });

  it('keeps accented letters and digits inside words and splits hyphens and apostrophes', () => {
    expect(tokenize('Côte d’Ivoire, resolution 72/1 of the Secretary-General')).toEqual([
      'Côte', ' ', 'd', '’', 'Ivoire', ',', ' ', 'resolution', ' ', '72', '/', '1', ' ',
      'of', ' ', 'the', ' ', 'Secretary', '-', 'General',
    ]);
  });

  it('loses no character, whatever the input', () => {
    const texts = ['', ' ', '\n\t x', '“quoted” — text…', 'emoji 🇺🇳 and \ud800 lone surrogate', 'e\u0301te'];
    for (const text of texts) expect(tokenize(text).join('')).toBe(text);
  });
});
