import * as Y from 'yjs';
import { anchorPositions, resolveAnchorRange } from '../../../shared/anchors';
import { seededRandom } from '../../helpers/seededRandom';

function paragraphDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('operative_paragraph');
  paragraph.setAttribute('id', 'p-1');
  doc.getXmlFragment('prosemirror').insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText(text)]);
  return doc;
}

function textOf(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment('prosemirror').get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const QUOTE = 'urges';
const BASE = 'The Commission urges Member States to act;';

describe('comment anchors follow their words through concurrent edits', () => {
  it('keeps covering the quoted words while others edit outside them (seeded, many rounds)', () => {
    for (let round = 0; round < 300; round++) {
      const random = seededRandom(round + 1);
      const a = paragraphDoc(BASE);
      const b = new Y.Doc();
      sync(a, b);
      const at = BASE.indexOf(QUOTE);
      const anchor = anchorPositions(textOf(a), at, at + QUOTE.length);

      for (let step = 0; step < 12; step++) {
        const doc = random() < 0.5 ? a : b;
        const text = textOf(doc);
        const range = resolveAnchorRange(doc, anchor)!;
        // Edit only outside the anchored words: before them or after them.
        const before = random() < 0.5;
        const position = before ? Math.floor(random() * (range.start + 1)) : range.end + Math.floor(random() * (text.length - range.end + 1));
        if (random() < 0.6 || text.length < 20) text.insert(position, random() < 0.5 ? 'bis ' : ', strongly');
        else {
          const room = before ? range.start - position : text.length - position;
          if (room > 0) text.delete(position, Math.min(room, 1 + Math.floor(random() * 4)));
        }
        if (random() < 0.3) sync(a, b);
      }
      sync(a, b);
      for (const doc of [a, b]) {
        const range = resolveAnchorRange(doc, anchor);
        expect(range).not.toBeNull();
        expect(textOf(doc).toString().slice(range!.start, range!.end)).toBe(QUOTE);
      }
      expect(textOf(a).toString()).toBe(textOf(b).toString());
      a.destroy();
      b.destroy();
    }
  });

  it('is detached when its words are deleted, even concurrently with other edits', () => {
    const a = paragraphDoc(BASE);
    const b = new Y.Doc();
    sync(a, b);
    const at = BASE.indexOf(QUOTE);
    const anchor = anchorPositions(textOf(a), at, at + QUOTE.length);
    textOf(a).delete(at, QUOTE.length);
    textOf(b).insert(0, 'Recalling; ');
    sync(a, b);
    expect(resolveAnchorRange(a, anchor)).toBeNull();
    expect(resolveAnchorRange(b, anchor)).toBeNull();
    a.destroy();
    b.destroy();
  });

  it('is detached when its whole paragraph is deleted', () => {
    const doc = paragraphDoc(BASE);
    const anchor = anchorPositions(textOf(doc), 4, 14);
    doc.getXmlFragment('prosemirror').delete(0, 1);
    expect(resolveAnchorRange(doc, anchor)).toBeNull();
    doc.destroy();
  });

  it('does not grow when text is typed right at its edges', () => {
    const doc = paragraphDoc(BASE);
    const at = BASE.indexOf(QUOTE);
    const anchor = anchorPositions(textOf(doc), at, at + QUOTE.length);
    textOf(doc).insert(at + QUOTE.length, 'XX');
    textOf(doc).insert(at, 'YY');
    const range = resolveAnchorRange(doc, anchor)!;
    expect(textOf(doc).toString().slice(range.start, range.end)).toBe(QUOTE);
    doc.destroy();
  });

  it('refuses garbage positions', () => {
    const doc = paragraphDoc(BASE);
    expect(resolveAnchorRange(doc, { start: '!!', end: 'AAAA' })).toBeNull();
    doc.destroy();
  });
});
