import { Fragment, Slice } from 'prosemirror-model';
import { numberParagraphs, toLetters, toRoman } from '../../../shared/numbering';
import { resolutionSchema } from '../../../shared/schema';
import { draftDoc, ops } from './draftFixture';

describe('toRoman and toLetters', () => {
  it('writes lower-case roman numerals', () => {
    expect([1, 2, 3, 4, 9, 14, 40, 90, 400, 1994].map(toRoman)).toEqual([
      'i', 'ii', 'iii', 'iv', 'ix', 'xiv', 'xl', 'xc', 'cd', 'mcmxciv',
    ]);
  });

  it('writes letters, continuing with aa after z', () => {
    expect([1, 2, 26, 27, 28, 52, 53].map(toLetters)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });
});

describe('numberParagraphs', () => {
  it('numbers operative paragraphs and their sub-paragraphs (a), (i), a., i.', () => {
    const doc = draftDoc({
      preambular: ['Recalling x,', 'Noting y,'],
      operative: ops('Urges:', [1, 'To a:'], [2, 'To i;'], [2, 'To ii:'], [3, 'deep a;'], [4, 'deeper i;'], [1, 'To b;'], 'Requests.'),
    });
    const labels = numberParagraphs(doc);
    expect(labels.map((l) => l.reference)).toEqual([
      'PP1', 'PP2', 'OP1', 'OP1(a)', 'OP1(a)(i)', 'OP1(a)(ii)', 'OP1(a)(ii)(a)', 'OP1(a)(ii)(a)(i)', 'OP1(b)', 'OP2',
    ]);
    expect(labels.map((l) => l.printed)).toEqual(['', '', '1.', '(a)', '(i)', '(ii)', 'a.', 'i.', '(b)', '2.']);
    expect(labels.every((l) => l.id && l.id.startsWith('p-'))).toBe(true);
  });

  it('restarts sub-paragraph letters under each operative paragraph', () => {
    const doc = draftDoc({ operative: ops('One:', [1, 'a;'], [1, 'b;'], 'Two:', [1, 'a;']) });
    expect(numberParagraphs(doc).filter((l) => l.kind === 'op').map((l) => l.reference)).toEqual([
      'OP1', 'OP1(a)', 'OP1(b)', 'OP2', 'OP2(a)',
    ]);
  });

  it('does not number a single operative paragraph', () => {
    const doc = draftDoc({ operative: ops('Decides to remain seized of the matter.') });
    const [op] = numberParagraphs(doc).filter((l) => l.kind === 'op');
    expect(op.printed).toBe('');
    expect(op.reference).toBe('OP1');
  });

  it('never lets a sub-paragraph sit more than one level below its predecessor', () => {
    const doc = draftDoc({ operative: ops('One:', [3, 'too deep;'], 'Two.') });
    const labels = numberParagraphs(doc).filter((l) => l.kind === 'op');
    expect(labels[1]).toMatchObject({ level: 1, printed: '(a)', reference: 'OP1(a)' });
  });

  it('renumbers the following paragraphs when one is inserted, and points at the node', () => {
    const doc = draftDoc({ operative: ops('One;', 'Two;', 'Three.') });
    const before = numberParagraphs(doc).filter((l) => l.kind === 'op');
    const op = resolutionSchema.nodes.operative_paragraph.create({ id: 'p-new' }, resolutionSchema.text('New;'));
    const inserted = doc.replace(before[1].pos, before[1].pos, new Slice(Fragment.from(op), 0, 0));
    const after = numberParagraphs(inserted).filter((l) => l.kind === 'op');
    expect(after.map((l) => [l.id, l.printed])).toEqual([
      [before[0].id, '1.'],
      ['p-new', '2.'],
      [before[1].id, '3.'],
      [before[2].id, '4.'],
    ]);
    for (const label of after) expect(inserted.nodeAt(label.pos)?.attrs.id).toBe(label.id);
  });
});
