import { leadWordsLength } from '../../../shared/leadWords';

function lead(text: string): string {
  return text.slice(0, leadWordsLength(text));
}

describe('leadWordsLength', () => {
  it.each([
    ['Recalling its resolution 64/293,', 'Recalling'],
    ['Recalling also its resolution,', 'Recalling also'],
    ['Deeply concerned that traffickers,', 'Deeply concerned'],
    ['Noting with concern the rise,', 'Noting with concern'],
    ['Noting with deep concern the rise,', 'Noting with deep concern'],
    ['Noting with appreciation the work,', 'Noting with appreciation'],
    ['Bearing in mind that,', 'Bearing in mind'],
    ['Taking into account the report,', 'Taking into account'],
    ['Having considered the report,', 'Having considered'],
    ['Further recalling,', 'Further recalling'],
    ['Urges Member States;', 'Urges'],
    ['Calls upon Member States;', 'Calls upon'],
    ['Also requests the Office;', 'Also requests'],
    ['Requests also the Office;', 'Requests also'],
    ['Strongly encourages States;', 'Strongly encourages'],
    ['Once again calls upon States;', 'Once again calls upon'],
    ['Takes note with appreciation of the report;', 'Takes note with appreciation'],
    ['Expresses its appreciation to the Government;', 'Expresses its appreciation'],
    ['Decides.', 'Decides'],
    ['Deeply', 'Deeply'],
    ['[Strongly] urges Member States;', '[Strongly] urges'],
    ['[Urges] Member States;', '[Urges]'],
    ['[Noting with concern] the rise,', '[Noting with concern]'],
    ['Calls [upon] Member States;', 'Calls [upon]'],
    ['[Recalling, bracketed]', '[Recalling'],
  ])('%s -> %s', (text, expected) => {
    expect(lead(text)).toBe(expected);
  });

  it('finds no lead words where the text does not start with a word', () => {
    expect(leadWordsLength('')).toBe(0);
    expect(leadWordsLength('(Recalling)')).toBe(0);
    expect(leadWordsLength('  Urges')).toBe(0);
  });

  it('stops at punctuation', () => {
    expect(lead('Welcomes, in this regard, the work;')).toBe('Welcomes');
  });
});
