import { punctuationIssues } from '../../../client/editor/punctuation';
import { draftDoc, ops } from '../shared/draftFixture';

function issuesOf(...args: Parameters<typeof draftDoc>) {
  const doc = draftDoc(...args);
  return punctuationIssues(doc).map((issue) => ({ text: doc.nodeAt(issue.pos)?.textContent, expected: issue.expected }));
}

describe('punctuationIssues', () => {
  it('accepts a correctly punctuated draft', () => {
    expect(
      issuesOf({
        preambular: ['Recalling its resolution,', 'Noting the report,]'],
        operative: ops('Urges States:', [1, 'To act;'], [1, 'To report; and'], 'Requests the Office;', 'Decides to remain seized.'),
      }),
    ).toEqual([]);
  });

  it('flags a preambular paragraph without a comma', () => {
    expect(issuesOf({ preambular: ['Recalling its resolution;'], operative: ops('Decides.') })).toEqual([
      { text: 'Recalling its resolution;', expected: ',' },
    ]);
  });

  it('wants a semicolon inside the operative part and a full stop at the end', () => {
    expect(issuesOf({ preambular: [], operative: ops('Urges States.', 'Requests the Office;') })).toEqual([
      { text: 'Urges States.', expected: ';' },
      { text: 'Requests the Office;', expected: '.' },
    ]);
  });

  it('wants a colon before sub-paragraphs and checks the sub-paragraphs too', () => {
    expect(issuesOf({ preambular: [], operative: ops('Urges States;', [1, 'To act'], 'Decides.') })).toEqual([
      { text: 'Urges States;', expected: ':' },
      { text: 'To act', expected: ';' },
    ]);
  });

  it('leaves empty paragraphs alone while they are being written', () => {
    expect(issuesOf({ preambular: ['', '   '], operative: ops('Urges;', '') })).toEqual([]);
  });

  it('places the marker at the end of the paragraph', () => {
    const doc = draftDoc({ preambular: ['Recalling'], operative: ops('Decides.') });
    const [issue] = punctuationIssues(doc);
    expect(doc.resolve(issue.end).parentOffset).toBe('Recalling'.length);
  });
});
