import { asSentence } from '../../../shared/sentence';

describe('asSentence', () => {
  it.each([
    ['only the facilitator names versions', 'Only the facilitator names versions.'],
    ['saving is failing; nothing was restored, try again later', 'Saving is failing; nothing was restored, try again later.'],
    ['Draft not found', 'Draft not found.'],
    ['The server did not answer. Check your connection and try again.', 'The server did not answer. Check your connection and try again.'],
    ['a version named "Rev.1" exists already', 'A version named "Rev.1" exists already.'],
    ['', ''],
  ])('%s -> %s', (message, sentence) => {
    expect(asSentence(message)).toBe(sentence);
  });
});
