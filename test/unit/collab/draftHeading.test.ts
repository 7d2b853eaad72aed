import * as Y from 'yjs';
import { draftHeadingOf } from '../../../server/collab/draftHeading';

function draftWith(title: string, symbol: string): Y.Doc {
  const doc = new Y.Doc();
  const line = (name: string, text: string) => {
    const element = new Y.XmlElement(name);
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };
  const heading = new Y.XmlElement('heading');
  heading.insert(0, [line('symbol', symbol)]);
  doc.getXmlFragment('prosemirror').insert(0, [heading, line('title', title)]);
  return doc;
}

describe('draftHeadingOf', () => {
  it('lists the title and symbol as typed in the text', () => {
    const doc = draftWith(' Countering trafficking ', 'E/CN.15/2026/L.4');
    expect(draftHeadingOf(doc)).toEqual({ title: 'Countering trafficking', symbol: 'E/CN.15/2026/L.4' });
    doc.destroy();
  });

  it('lists no control characters or direction overrides typed into the heading', () => {
    const doc = draftWith('Draft\u0000 on \u202Efdp.exe\n', 'E/CN.15/\u001b[2J');
    expect(draftHeadingOf(doc)).toEqual({ title: 'Draft  on  fdp.exe', symbol: 'E/CN.15/ [2J' });
    doc.destroy();
  });
});
