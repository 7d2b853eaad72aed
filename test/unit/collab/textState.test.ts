import * as Y from 'yjs';
import { TextState } from '../../../server/collab/textState';
import { updatesOf } from '../../helpers/yjsBytes';

const textOf = (doc: Y.Doc) => doc.get('text', Y.XmlText) as Y.XmlText;

describe('TextState', () => {
  let doc: Y.Doc;

  beforeEach(() => {
    doc = new Y.Doc();
    textOf(doc).insert(0, 'Urges all States ');
    textOf(doc).insert(17, 'to act', { em: {} });
    textOf(doc).insert(23, ' 😀;');
  });
  afterEach(() => doc.destroy());

  /** Applies `edit` as another client would, then puts the text back; returns what it answered. */
  const editAndRestore = (edit: (text: Y.XmlText) => void) => {
    const state = new TextState(textOf(doc));
    updatesOf(doc, (copy) => edit(textOf(copy))).forEach((update) => Y.applyUpdate(doc, update));
    expect(state.canRestore(textOf(doc))).toBe(true);
    let changed = false;
    doc.transact(() => (changed = state.restore(textOf(doc))));
    return changed;
  };

  it.each<[string, (text: Y.XmlText) => void]>([
    ['an insertion', (text) => text.insert(6, 'not ')],
    ['a deletion across formatting', (text) => text.delete(10, 10)],
    ['a replacement', (text) => (text.delete(0, 5), text.insert(0, 'Encourages'))],
    ['formatting', (text) => text.format(0, 5, { strong: {} })],
    ['formatting taken off', (text) => text.format(17, 6, { em: null })],
    ['an emoji replaced by its neighbour', (text) => (text.delete(24, 2), text.insert(24, '😁'))],
    ['an emoji replaced by one sharing its second half', (text) => (text.delete(24, 2), text.insert(24, '🈀'))],
  ])('puts back %s with its formatting', (_, edit) => {
    const before = textOf(doc).toDelta();
    expect(editAndRestore(edit)).toBe(true);
    expect(textOf(doc).toDelta()).toEqual(before);
  });

  it('keeps the characters the edit left alone, so anchors on them still resolve', () => {
    const anchor = Y.createRelativePositionFromTypeIndex(textOf(doc), 20);
    const head = Y.createRelativePositionFromTypeIndex(textOf(doc), 1);
    editAndRestore((text) => text.insert(6, 'not '));
    expect(Y.createAbsolutePositionFromRelativePosition(anchor, doc)?.index).toBe(20);
    expect(Y.createAbsolutePositionFromRelativePosition(head, doc)?.index).toBe(1);
  });

  it('changes nothing when the text is as it was', () => {
    const state = new TextState(textOf(doc));
    doc.transact(() => expect(state.restore(textOf(doc))).toBe(false));
  });

  it('leaves a text with an embed to the caller', () => {
    textOf(doc).insertEmbed(0, { image: 'x' });
    expect(new TextState(textOf(doc)).canRestore(textOf(doc))).toBe(false);
  });
});
