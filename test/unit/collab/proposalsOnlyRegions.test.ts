import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { lockedRegionsTouched } from '../../../server/collab/lockedRegions';
import { lockedRegionsFor } from '../../../server/collab/lockPolicy';
import { RegionSnapshot } from '../../../server/collab/regionSnapshot';
import { ClientUpdate } from '../../../server/collab/clientUpdate';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { updatesOf } from '../../helpers/yjsBytes';
import { draftDoc, ops } from '../shared/draftFixture';

const part = (doc: Y.Doc, index: number) => doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(index) as Y.XmlElement;
const preamble = (doc: Y.Doc) => part(doc, 3);
const operative = (doc: Y.Doc) => part(doc, 4);
const op = (doc: Y.Doc, index: number) => operative(doc).get(index) as Y.XmlElement;
const textOf = (element: Y.XmlElement) => element.get(0) as Y.XmlText;
const newParagraph = (text: string) => {
  const paragraph = new Y.XmlElement('operative_paragraph');
  paragraph.setAttribute('id', 'p-new');
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
};

describe('the lock policy of a proposals-only draft', () => {
  let server: Y.Doc;

  beforeEach(() => {
    server = new Y.Doc();
    prosemirrorToYXmlFragment(
      draftDoc({ preambular: ['Recalling its resolutions,'], operative: ops('Urges States;', 'Invites donors;', 'Decides.') }),
      server.getXmlFragment(PROSEMIRROR_FRAGMENT),
    );
  });
  afterEach(() => server.destroy());

  const delegate = () => lockedRegionsFor('delegate', new Set(), 'proposals')!;
  const touched = (edit: (doc: Y.Doc) => void) => updatesOf(server, edit).flatMap((update) => [...lockedRegionsTouched(new ClientUpdate(server, update), delegate())]);
  /** Applies the edit as a client would and puts back what it touched, as the room does. */
  const applyAndPutBack = (edit: (doc: Y.Doc) => void) => {
    const [update] = updatesOf(server, edit);
    const snapshots = [...lockedRegionsTouched(new ClientUpdate(server, update), delegate())].map(([element, scope]) => new RegionSnapshot(element, scope));
    Y.applyUpdate(server, update);
    server.transact(() => snapshots.forEach((snapshot) => snapshot.restore()));
  };

  it.each<[string, (doc: Y.Doc) => void, (doc: Y.Doc) => Y.XmlElement]>([
    ['an operative paragraph', (doc) => textOf(op(doc, 1)).insert(0, 'Also '), (doc) => op(doc, 1)],
    ['a preambular paragraph', (doc) => textOf(preamble(doc).get(1) as Y.XmlElement).delete(0, 9), (doc) => preamble(doc).get(1) as Y.XmlElement],
    ['the enacting formula', (doc) => textOf(preamble(doc).get(0) as Y.XmlElement).insert(0, 'X'), (doc) => preamble(doc).get(0) as Y.XmlElement],
    ['a paragraph\'s level', (doc) => op(doc, 1).setAttribute('level', 1 as unknown as string), (doc) => op(doc, 1)],
  ])('locks %s whole for a delegate', (_, edit, region) => {
    expect(touched(edit)).toEqual([[region(server), 'whole']]);
  });

  it('locks the list of paragraphs: a new one, with its text, touches the part', () => {
    expect(touched((doc) => operative(doc).insert(1, [newParagraph('Requests;')]))).toEqual([[operative(server), 'children']]);
    expect(touched((doc) => preamble(doc).insert(2, [new Y.XmlElement('preambular_paragraph')]))).toEqual([[preamble(server), 'children']]);
  });

  it('locks nothing for facilitators, and only what it locked before for delegates of a direct draft', () => {
    expect(lockedRegionsFor('facilitator', new Set(), 'proposals')).toBeNull();
    const direct = lockedRegionsFor('delegate', new Set(), 'direct')!;
    expect([op(server, 0), operative(server), preamble(server)].map(direct)).toEqual([null, null, null]);
    expect(direct(part(server, 2))).toBe('whole');
  });

  it('takes out a paragraph a delegate added, leaving the others the very same objects', () => {
    const before = operative(server).toString();
    const kept = [textOf(op(server, 0)), textOf(op(server, 1)), textOf(op(server, 2))];
    applyAndPutBack((doc) => operative(doc).insert(1, [newParagraph('Requests the Secretary-General;')]));
    expect(operative(server).toString()).toBe(before);
    expect([0, 1, 2].map((index) => textOf(op(server, index)))).toEqual(kept);
  });

  it('puts back a paragraph a delegate deleted, once, with its id', () => {
    const before = operative(server).toString();
    const id = op(server, 1).getAttribute('id');
    applyAndPutBack((doc) => operative(doc).delete(1, 1));
    expect(operative(server).toString()).toBe(before);
    expect(op(server, 1).getAttribute('id')).toBe(id);
  });

  it('undoes a split (Enter) and a merge (Backspace) completely', () => {
    const before = operative(server).toString();
    applyAndPutBack((doc) => {
      textOf(op(doc, 0)).delete(6, 7);
      operative(doc).insert(1, [newParagraph('States;')]);
    });
    expect(operative(server).toString()).toBe(before);
    applyAndPutBack((doc) => {
      textOf(op(doc, 0)).insert(textOf(op(doc, 0)).length, ' Invites donors;');
      operative(doc).delete(1, 1);
    });
    expect(operative(server).toString()).toBe(before);
  });

  it('puts back a whole part a delegate deleted', () => {
    const before = server.getXmlFragment(PROSEMIRROR_FRAGMENT).toString();
    applyAndPutBack((doc) => doc.getXmlFragment(PROSEMIRROR_FRAGMENT).delete(4, 1));
    expect(server.getXmlFragment(PROSEMIRROR_FRAGMENT).toString()).toBe(before);
  });
});
