import * as Y from 'yjs';
import { completeStateVector } from '../../../server/collab/completeStateVector';
import { garbage } from '../../helpers/yjsBytes';

/** A document with every kind of struct content Yjs writes today, some of it deleted. */
function everyKindOfContent(gc: boolean): Y.Doc {
  const doc = new Y.Doc({ gc });
  const text = doc.getText('text');
  text.insert(0, 'plain, accents éà, emoji 😀👍🏽, CJK 決議');
  text.format(2, 5, { bold: true });
  text.insertEmbed(3, { image: 'seal.png' });
  text.delete(10, 6);
  const map = doc.getMap('map');
  map.set('number', 42);
  map.set('object', { nested: ['a', 1, null, true] });
  map.set('bytes', new Uint8Array([1, 2, 3]));
  map.set('subdoc', new Y.Doc());
  map.set('number', 43);
  const array = doc.getArray<unknown>('array');
  array.insert(0, [1, 'two', { three: 3 }, new Uint8Array([4])]);
  array.delete(1, 1);
  const fragment = doc.getXmlFragment('prosemirror');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('id', 'p1');
  paragraph.insert(0, [new Y.XmlText('operative text')]);
  fragment.insert(0, [paragraph]);
  doc.getMap('hooks').set('hook', new Y.XmlHook('hook'));
  return doc;
}

describe('completeStateVector', () => {
  it.each([true, false])('equals Yjs state vector for a whole document with every kind of content (gc %s)', (gc) => {
    const doc = everyKindOfContent(gc);
    // A second writer, whose changes interleave with the first's.
    const other = new Y.Doc({ gc });
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText('text').insert(4, 'other writer ');
    other.getText('text').delete(0, 2);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    const state = Y.encodeStateAsUpdate(doc);
    expect(completeStateVector(state)).toEqual(Y.encodeStateVector(doc));
    expect(completeStateVector(state)).toEqual(Y.encodeStateVectorFromUpdate(state));
    doc.destroy();
    other.destroy();
  });

  it('reads a merged snapshot and log the same way', () => {
    const doc = everyKindOfContent(true);
    const updates = [Y.encodeStateAsUpdate(doc)];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 50; i++) doc.getText('text').insert(i, `${i}😀`);
    expect(completeStateVector(Y.mergeUpdates(updates))).toEqual(Y.encodeStateVector(doc));
    doc.destroy();
  });

  it('gives null for an update that does not start at clock 0 (it follows on from something missing)', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'first');
    let later: Uint8Array | null = null;
    doc.once('update', (update: Uint8Array) => (later = update));
    doc.getText('t').insert(5, ' second');
    expect(completeStateVector(later!)).toBeNull();
    doc.destroy();
  });

  it('gives null for a merge with a gap in one client\'s changes (Yjs writes a Skip)', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['one ', 'two ', 'three ']) doc.getText('t').insert(doc.getText('t').length, word);
    expect(completeStateVector(Y.mergeUpdates([updates[0], updates[2]]))).toBeNull();
    expect(completeStateVector(Y.mergeUpdates(updates))).toEqual(Y.encodeStateVector(doc));
    doc.destroy();
  });

  it('refuses bytes that are not an update', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'text');
    const state = Y.encodeStateAsUpdate(doc);
    expect(() => completeStateVector(new Uint8Array([...state, 7]))).toThrow('unexpected bytes after the update');
    expect(() => completeStateVector(state.subarray(0, state.length - 3))).toThrow();
    for (let seed = 1; seed <= 20; seed++) {
      let answer: Uint8Array | null | 'threw';
      try {
        answer = completeStateVector(garbage(64, seed));
      } catch {
        answer = 'threw';
      }
      expect(answer === null || answer === 'threw').toBe(true);
    }
    doc.destroy();
  });
});
