import { diffWords, type Segment } from '../../../shared/diff';
import { pick, seededRandom } from '../../helpers/seededRandom';

const join = (segments: Segment[], skip: Segment['op']) =>
  segments.filter((segment) => segment.op !== skip).map((segment) => segment.text).join('');

/** The invariants every diff must keep, whatever the inputs. */
function expectWellFormed(segments: Segment[], from: string, to: string): void {
  expect(join(segments, 'insert')).toBe(from);
  expect(join(segments, 'delete')).toBe(to);
  const malformed = segments.filter((segment, k) => segment.text === '' || segment.op === segments[k - 1]?.op);
  expect(malformed).toEqual([]);
}

describe('diffWords', () => {
  it('replaces a word and keeps the rest equal', () => {
    expect(diffWords('Urges Member States to', 'Encourages Member States to')).toEqual([
      { op: 'delete', text: 'Urges' },
      { op: 'insert', text: 'Encourages' },
      { op: 'equal', text: ' Member States to' },
    ]);
  });

  it('shows a punctuation change as that character alone', () => {
    expect(diffWords('Decides to remain seized of the matter;', 'Decides to remain seized of the matter.')).toEqual([
      { op: 'equal', text: 'Decides to remain seized of the matter' },
      { op: 'delete', text: ';' },
      { op: 'insert', text: '.' },
    ]);
  });

  it('shows an inserted phrase with its commas as one insertion', () => {
    expect(diffWords('Requests the Secretary-General to report', 'Requests the Secretary-General, within existing resources, to report')).toEqual([
      { op: 'equal', text: 'Requests the Secretary-General' },
      { op: 'insert', text: ', within existing resources,' },
      { op: 'equal', text: ' to report' },
    ]);
  });

  it('shows a whitespace-only difference as one small segment, not as changed words', () => {
    expect(diffWords('Member  States', 'Member States')).toEqual([
      { op: 'equal', text: 'Member' },
      { op: 'delete', text: '  ' },
      { op: 'insert', text: ' ' },
      { op: 'equal', text: 'States' },
    ]);
  });

  it('keeps a word both wordings share', () => {
    expect(diffWords('Notes with concern the report', 'Welcomes with appreciation the report')).toEqual([
      { op: 'delete', text: 'Notes' },
      { op: 'insert', text: 'Welcomes' },
      { op: 'equal', text: ' with ' },
      { op: 'delete', text: 'concern' },
      { op: 'insert', text: 'appreciation' },
      { op: 'equal', text: ' the report' },
    ]);
  });

  it('reads a run of replaced words as one replacement, not interleaved fragments', () => {
    expect(diffWords('Deeply concerned by the report', 'Welcoming warmly the report')).toEqual([
      { op: 'delete', text: 'Deeply concerned by' },
      { op: 'insert', text: 'Welcoming warmly' },
      { op: 'equal', text: ' the report' },
    ]);
  });

  it('keeps a space between two insertions equal rather than striking it', () => {
    const segments = diffWords('a b', 'a x b y');
    expectWellFormed(segments, 'a b', 'a x b y');
    expect(segments.some((segment) => segment.op === 'delete')).toBe(false);
  });

  it('returns one equal segment for identical text and none for two empty texts', () => {
    expect(diffWords('Recalling its resolution 72/1,', 'Recalling its resolution 72/1,')).toEqual([
      { op: 'equal', text: 'Recalling its resolution 72/1,' },
    ]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'New text')).toEqual([{ op: 'insert', text: 'New text' }]);
    expect(diffWords('Old text', '')).toEqual([{ op: 'delete', text: 'Old text' }]);
  });

  describe('a paragraph of 5,000 words', () => {
    const random = seededRandom(7);
    const vocabulary = ['States', 'Member', 'the', 'of', 'and', 'cooperation', 'international', 'to', 'in', 'urges'];
    const words = Array.from({ length: 5000 }, () => pick(random, vocabulary));

    it('finds a handful of scattered edits exactly', () => {
      const edited = [...words];
      edited[10] = 'REPLACED';
      edited.splice(2500, 3);
      edited.splice(4000, 0, 'INSERTED', 'PHRASE');
      const from = words.join(' ');
      const to = edited.join(' ');
      const segments = diffWords(from, to);
      expectWellFormed(segments, from, to);
      const changed = segments.filter((segment) => segment.op !== 'equal').map((segment) => segment.text.trim());
      expect(changed).toContain('REPLACED');
      expect(changed).toContain('INSERTED PHRASE');
      expect(segments.filter((segment) => segment.op !== 'equal').length).toBeLessThanOrEqual(5);
    });

    it('completes on two unrelated texts of that size', () => {
      const from = words.join(' ');
      const to = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ');
      expectWellFormed(diffWords(from, to), from, to);
    });
  });

  it('reproduces both texts from its segments after random edits (seeded, 3,000 rounds)', () => {
    const random = seededRandom(42);
    const tokens = ['Urges', 'States', 'to', 'the', 'of', ' ', '  ', '\n', ',', ';', '.', '(a)', 'ad', 'ref', '[', ']', 'é'];
    for (let round = 0; round < 3000; round++) {
      const original = Array.from({ length: Math.floor(random() * 40) }, () => pick(random, tokens));
      const edited = [...original];
      const edits = Math.floor(random() * 8);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (edited.length + 1));
        const kind = random();
        if (kind < 0.33) edited.splice(at, 1 + Math.floor(random() * 3));
        else if (kind < 0.66) edited.splice(at, 0, pick(random, tokens), pick(random, tokens));
        else edited.splice(at, 1, pick(random, tokens));
      }
      const from = original.join('');
      const to = edited.join('');
      expectWellFormed(diffWords(from, to), from, to);
    }
  });
});
