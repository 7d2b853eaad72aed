import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { numberParagraphs } from '../../../shared/numbering';
import { roundBase, StableLabels } from '../../../server/domain/labels/stableLabels';
import { newVersion } from '../../../server/domain/versions/newVersion';
import type { VersionKind } from '../../../server/store/types';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';
import { draftDoc, ops } from '../shared/draftFixture';

const DRAFT = 'draft-labels';

describe('StableLabels', () => {
  let temp: TempStore;
  const docs: Y.Doc[] = [];
  const draft = draftDoc({ preambular: ['Recalling a,', 'Noting b,'], operative: ops('Urges x;') });
  const [pp1, pp2] = numberParagraphs(draft).map((p) => p.id!);

  /** A live document holding `draft`, with a PP inserted after PP1 when `withInsert`. */
  const liveDoc = (withInsert: boolean) => {
    const doc = new Y.Doc();
    docs.push(doc);
    prosemirrorToYXmlFragment(draft, doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
    if (withInsert) {
      // heading, sponsors, title, preamble (formula, PP1, PP2), operative
      const preamble = doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(3) as Y.XmlElement;
      const paragraph = new Y.XmlElement('preambular_paragraph');
      paragraph.setAttribute('id', 'p-inserted');
      paragraph.insert(0, [new Y.XmlText('Stressing c,')]);
      preamble.insert(2, [paragraph]);
    }
    return doc;
  };
  const store = async (kind: VersionKind, second: number, doc: Y.Doc, draftId = DRAFT) => {
    const record = newVersion({ draftId, kind, name: kind === 'auto' ? null : `v${second}`, author: null, state: Y.encodeStateAsUpdate(doc), seq: second, createdAt: new Date(Date.UTC(2026, 4, 20, 10, 0, second)).toISOString() });
    await temp.store.versions.create(record);
    return record.id;
  };

  beforeEach(async () => {
    temp = await openTempSqliteStore();
  });
  afterEach(async () => {
    docs.splice(0).forEach((doc) => doc.destroy());
    await temp.dispose();
  });

  it('counts from the newest round, else the oldest version that is never pruned, else the oldest checkpoint', async () => {
    const doc = liveDoc(false);
    expect(await roundBase(temp.store.versions, DRAFT)).toBeNull();
    const oldestAuto = await store('auto', 1, doc);
    expect((await roundBase(temp.store.versions, DRAFT))?.id).toBe(oldestAuto);
    const zeroDraft = await store('named', 2, doc);
    await store('auto', 3, doc);
    await store('named', 4, doc);
    expect((await roundBase(temp.store.versions, DRAFT))?.id).toBe(zeroDraft);
    await store('round', 5, doc);
    const secondRound = await store('round', 6, doc);
    await store('auto', 7, doc);
    expect((await roundBase(temp.store.versions, DRAFT))?.id).toBe(secondRound);
  });

  it('labels the live text against the base, decoding the base once per round', async () => {
    const labels = new StableLabels(temp.store.versions);
    const live = liveDoc(true);
    // No version at all: the live text is its own base.
    expect([...(await labels.labelsOf(DRAFT, live)).values()]).toEqual(['PP1', 'PP2', 'PP3', 'OP1']);

    await store('named', 1, liveDoc(false));
    const reads = jest.spyOn(temp.store.versions, 'get');
    const inRound = await labels.labelsOf(DRAFT, live);
    expect([inRound.get(pp1), inRound.get('p-inserted'), inRound.get(pp2)]).toEqual(['PP1', 'PP1bis', 'PP2']);
    await labels.labelsOf(DRAFT, live);
    expect(reads).toHaveBeenCalledTimes(1);

    await store('round', 2, live);
    const nextRound = await labels.labelsOf(DRAFT, live);
    expect([nextRound.get(pp1), nextRound.get('p-inserted'), nextRound.get(pp2)]).toEqual(['PP1', 'PP2', 'PP3']);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('keeps the bases of the drafts read last only, and labels a draft read again after that as before', async () => {
    const labels = new StableLabels(temp.store.versions, 2);
    const live = liveDoc(true);
    const drafts = ['d1', 'd2', 'd3'];
    for (const draftId of drafts) await store('named', 1, liveDoc(false), draftId);
    const reads = jest.spyOn(temp.store.versions, 'get');
    const labelled = async (draftId: string) => {
      const got = await labels.labelsOf(draftId, live);
      return [got.get(pp1), got.get('p-inserted'), got.get(pp2)];
    };
    for (const draftId of drafts) expect(await labelled(draftId)).toEqual(['PP1', 'PP1bis', 'PP2']);
    expect(reads).toHaveBeenCalledTimes(3);
    // d2 and d3 kept: no decoding.
    await labelled('d3');
    await labelled('d2');
    expect(reads).toHaveBeenCalledTimes(3);
    // d1 was let go: decoded again, with the same labels, and now d3 is the one let go.
    expect(await labelled('d1')).toEqual(['PP1', 'PP1bis', 'PP2']);
    expect(reads).toHaveBeenCalledTimes(4);
    await labelled('d2');
    await labelled('d1');
    expect(reads).toHaveBeenCalledTimes(4);
    await labelled('d3');
    expect(reads).toHaveBeenCalledTimes(5);
  });
});
