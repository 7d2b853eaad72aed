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
const symbol = (doc: Y.Doc) => part(doc, 0).get(0) as Y.XmlElement;
const operative = (doc: Y.Doc) => part(doc, 4);
const op = (doc: Y.Doc, index: number) => operative(doc).get(index) as Y.XmlElement;
const textOf = (element: Y.XmlElement) => element.get(0) as Y.XmlText;

describe('lockedRegionsTouched and RegionSnapshot', () => {
  let server: Y.Doc;
  let lockedId: string;

  beforeEach(() => {
    server = new Y.Doc();
    prosemirrorToYXmlFragment(draftDoc({ operative: ops('Urges States;', 'Decides.') }), server.getXmlFragment(PROSEMIRROR_FRAGMENT));
    lockedId = op(server, 0).getAttribute('id')!;
  });
  afterEach(() => server.destroy());

  const delegateSees = () => lockedRegionsFor('delegate', new Set([lockedId]))!;
  const touched = (edit: (doc: Y.Doc) => void, isLocked = delegateSees()) =>
    updatesOf(server, edit).flatMap((update) => [...lockedRegionsTouched(new ClientUpdate(server, update), isLocked).keys()]);

  it.each<[string, (doc: Y.Doc) => void]>([
    ['typing into it', (doc) => textOf(op(doc, 0)).insert(3, 'not ')],
    ['deleting from its text', (doc) => textOf(op(doc, 0)).delete(0, 5)],
    ['formatting its text', (doc) => textOf(op(doc, 0)).format(0, 5, { em: {} })],
    ['changing its level', (doc) => op(doc, 0).setAttribute('level', 1 as unknown as string)],
    ['deleting the paragraph', (doc) => operative(doc).delete(0, 1)],
    ['adding a text child to it', (doc) => op(doc, 0).insert(1, [new Y.XmlText('more')])],
  ])('finds the locked paragraph changed by %s', (_, edit) => {
    expect(touched(edit)).toEqual([op(server, 0)]);
  });

  it('puts back a deleted section that held a locked paragraph, whole', () => {
    const before = server.getXmlFragment(PROSEMIRROR_FRAGMENT).toString();
    const [update] = updatesOf(server, (doc) => doc.getXmlFragment(PROSEMIRROR_FRAGMENT).delete(4, 1));
    const snapshots = [...lockedRegionsTouched(new ClientUpdate(server, update), delegateSees())].map(([element, scope]) => new RegionSnapshot(element, scope));
    Y.applyUpdate(server, update);
    server.transact(() => snapshots.forEach((snapshot) => snapshot.restore()));
    expect(server.getXmlFragment(PROSEMIRROR_FRAGMENT).toString()).toBe(before);
  });

  it('puts back a heading line deleted whole once, as the heading it was in', () => {
    const before = part(server, 0).toString();
    const [update] = updatesOf(server, (doc) => part(doc, 0).delete(0, 2));
    const snapshots = [...lockedRegionsTouched(new ClientUpdate(server, update), delegateSees())].map(([element, scope]) => new RegionSnapshot(element, scope));
    Y.applyUpdate(server, update);
    server.transact(() => snapshots.forEach((snapshot) => snapshot.restore()));
    expect(part(server, 0).toString()).toBe(before);
  });

  it('lets other paragraphs and new paragraphs through', () => {
    expect(touched((doc) => textOf(op(doc, 1)).insert(0, 'Also '))).toEqual([]);
    expect(touched((doc) => operative(doc).insert(1, [new Y.XmlElement('operative_paragraph')]))).toEqual([]);
  });

  it('locks the heading for delegates, not for facilitators', () => {
    const typeInSymbol = (doc: Y.Doc) => textOf(symbol(doc)).insert(0, 'X');
    expect(touched(typeInSymbol)).toEqual([symbol(server)]);
    expect(touched((doc) => part(doc, 0).delete(0, 1))).toEqual([part(server, 0)]);
    expect(touched((doc) => textOf(part(doc, 2)).insert(0, 'X'))).toEqual([part(server, 2)]);
    expect(lockedRegionsFor('facilitator', new Set())).toBeNull();
    expect(touched(typeInSymbol, lockedRegionsFor('facilitator', new Set([lockedId]))!)).toEqual([]);
  });

  it('puts back text and attributes the update changed', () => {
    const before = op(server, 0).toString();
    const [update] = updatesOf(server, (doc) => {
      textOf(op(doc, 0)).insert(3, 'not ');
      op(doc, 0).setAttribute('level', 1 as unknown as string);
    });
    const snapshots = [...lockedRegionsTouched(new ClientUpdate(server, update), delegateSees())].map(([element, scope]) => new RegionSnapshot(element, scope));
    Y.applyUpdate(server, update);
    expect(op(server, 0).toString()).not.toBe(before);
    server.transact(() => expect(snapshots.map((snapshot) => snapshot.restore())).toEqual([true]));
    expect(op(server, 0).toString()).toBe(before);
    server.transact(() => expect(snapshots[0].restore()).toBe(false));
  });

  it('puts back a deleted paragraph in its place, with its id', () => {
    const before = operative(server).toString();
    const [update] = updatesOf(server, (doc) => operative(doc).delete(0, 1));
    const snapshots = [...lockedRegionsTouched(new ClientUpdate(server, update), delegateSees())].map(([element, scope]) => new RegionSnapshot(element, scope));
    Y.applyUpdate(server, update);
    expect(operative(server).length).toBe(1);
    server.transact(() => snapshots.forEach((snapshot) => snapshot.restore()));
    expect(operative(server).toString()).toBe(before);
    expect(op(server, 0).getAttribute('id')).toBe(lockedId);
  });
});
