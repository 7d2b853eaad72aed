import { paragraphViews } from '../../../server/domain/paragraphs/paragraphViews';
import type { ParagraphStatusRecord } from '../../../server/store/types';
import { numberParagraphs } from '../../../shared/numbering';
import { draftDoc, ops } from '../shared/draftFixture';

describe('paragraphViews', () => {
  const node = draftDoc({ preambular: ['Recalling its resolutions,'], operative: ops('Urges States;', [1, 'To act;'], 'Decides.') });
  const ids = numberParagraphs(node).map((paragraph) => paragraph.id!);

  it('lists every paragraph in document order with its label, clean number, text and status (open by default)', () => {
    const agreed: ParagraphStatusRecord = {
      draftId: 'd', paragraphId: ids[2], status: 'agreed_pending', pending: ['Kazakhstan'],
      history: [{ from: 'open', to: 'agreed_pending', pending: ['Kazakhstan'], note: null, byUserId: 'u', byName: 'Chair', at: '2026-03-02T09:00:00.000Z' }],
    };
    const views = paragraphViews(node, new Map([[ids[3], 'OP1bis']]), [agreed]);
    expect(views.map(({ kind, level, label, number, status, pending, text }) => ({ kind, level, label, number, status, pending, text }))).toEqual([
      { kind: 'pp', level: 0, label: 'PP1', number: '', status: 'open', pending: [], text: 'Recalling its resolutions,' },
      { kind: 'op', level: 0, label: 'OP1', number: '1.', status: 'open', pending: [], text: 'Urges States;' },
      { kind: 'op', level: 1, label: 'OP1(a)', number: '(a)', status: 'agreed_pending', pending: ['Kazakhstan'], text: 'To act;' },
      { kind: 'op', level: 0, label: 'OP1bis', number: '2.', status: 'open', pending: [], text: 'Decides.' },
    ]);
    expect(views.map((view) => view.id)).toEqual(ids);
    expect(views[2].statusHistory).toEqual(agreed.history);
  });
});
