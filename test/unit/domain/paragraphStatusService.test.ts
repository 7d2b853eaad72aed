import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import type { DraftMember } from '../../../server/domain/access/draftMember';
import { StableLabels } from '../../../server/domain/labels/stableLabels';
import { lockedParagraphIds, ParagraphStatusService, type LockableDraft } from '../../../server/domain/paragraphs/paragraphStatusService';
import { numberParagraphs } from '../../../shared/numbering';
import { PROSEMIRROR_FRAGMENT } from '../../../shared/schema';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';
import { draftDoc, ops } from '../shared/draftFixture';

const CHAIR: DraftMember = { id: 'user-chair', username: 'chair', displayName: 'Facilitator', admin: false, negotiationId: 'n1', negotiationName: 'CCPCJ', delegation: 'Facilitator', role: 'facilitator' };

describe('ParagraphStatusService', () => {
  let temp: TempStore;
  let doc: Y.Doc;
  let locked: Set<string>;
  let service: ParagraphStatusService;
  const node = draftDoc({ operative: ops('Urges States;', 'Decides.') });
  const [first, second] = numberParagraphs(node).map((paragraph) => paragraph.id!);

  beforeEach(async () => {
    temp = await openTempSqliteStore();
    for (const [userId, delegation] of [['u-kz', 'Kazakhstan'], ['u-eu', 'European Union']]) {
      await temp.store.memberships.put({ negotiationId: 'n1', userId, role: 'delegate', delegation, addedAt: '2026-03-02T09:00:00.000Z', addedBy: 'user-chair' });
    }
    doc = new Y.Doc();
    prosemirrorToYXmlFragment(node, doc.getXmlFragment(PROSEMIRROR_FRAGMENT));
    locked = new Set();
    const room: LockableDraft = { doc, setParagraphLocked: (id, on) => void (on ? locked.add(id) : locked.delete(id)) };
    service = new ParagraphStatusService({
      statuses: temp.store.paragraphStatuses,
      memberships: temp.store.memberships,
      drafts: { withRoom: async (_draftId, use) => use(room), read: async (_draftId, use) => use(doc), derive: async (_draftId, derive) => derive(doc) },
      labels: new StableLabels(temp.store.versions),
    });
  });
  afterEach(async () => {
    doc.destroy();
    await temp.dispose();
  });

  it('locks the room\'s paragraph while it is agreed, and what a loading room reads agrees', async () => {
    await service.setStatus(CHAIR, { draftId: 'd', paragraphId: first, status: 'agreed_ad_ref' });
    const pending = await service.setStatus(CHAIR, { draftId: 'd', paragraphId: second, status: 'agreed_pending', pending: ['Kazakhstan', 'Kazakhstan'] });
    expect(pending.pending).toEqual(['Kazakhstan']);
    expect([...locked].sort()).toEqual([first, second].sort());
    await service.setStatus(CHAIR, { draftId: 'd', paragraphId: first, status: 'reopened' });
    expect([...locked]).toEqual([second]);
    expect(await lockedParagraphIds(temp.store.paragraphStatuses, 'd')).toEqual([second]);
  });

  it('applies concurrent changes of one draft in order: the lock follows the last one recorded', async () => {
    const statuses = ['agreed_ad_ref', 'open', 'agreed_ad_ref', 'informals'] as const;
    await Promise.all(statuses.map((status) => service.setStatus(CHAIR, { draftId: 'd', paragraphId: first, status })));
    const [record] = await temp.store.paragraphStatuses.listForDraft('d');
    expect(record.history.map((change) => change.to)).toEqual(statuses);
    expect(locked.has(first)).toBe(false);
  });
});
