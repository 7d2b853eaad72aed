import * as Y from 'yjs';
import { changeRevertibly } from '../../../server/domain/proposals/revertibleChange';

describe('changeRevertibly', () => {
  let doc: Y.Doc;
  let text: Y.XmlText;
  const authors: string[] = [];
  const draft = {
    get doc() {
      return doc;
    },
    changeAsServer(authorId: string, change: (d: Y.Doc) => void) {
      authors.push(authorId);
      doc.transact(() => change(doc), { source: 'server', authorId });
    },
  };
  beforeEach(() => {
    doc = new Y.Doc();
    const paragraph = new Y.XmlElement('operative_paragraph');
    doc.getXmlFragment('prosemirror').insert(0, [paragraph]);
    text = new Y.XmlText('Urges Member States to act;');
    paragraph.insert(0, [text]);
    authors.length = 0;
  });
  afterEach(() => doc.destroy());

  it('takes back exactly its own change as the server, keeping what others typed after it', () => {
    const change = changeRevertibly(draft, 'eu-delegate', () => {
      text.delete(0, 'Urges'.length);
      text.insert(0, 'Encourages');
      return 'done';
    });
    expect(change.result).toBe('done');
    doc.transact(() => text.insert(text.length, ' Now.'), { source: 'client' });
    change.revert();
    expect(text.toString()).toBe('Urges Member States to act; Now.');
    expect(authors).toEqual(['eu-delegate', 'system']);
  });

  it('undoes a change that throws halfway, then rethrows', () => {
    expect(() =>
      changeRevertibly(draft, 'eu-delegate', () => {
        text.insert(0, 'Strongly ');
        throw new Error('broken halfway');
      }),
    ).toThrow('broken halfway');
    expect(text.toString()).toBe('Urges Member States to act;');
  });

  it('keeps a change once told so, and captures nothing after it', () => {
    const change = changeRevertibly(draft, 'eu-delegate', () => text.insert(0, 'Also '));
    change.keep();
    draft.changeAsServer('someone', () => text.insert(text.length, '!'));
    expect(text.toString()).toBe('Also Urges Member States to act;!');
  });
});
