import { progressOf, share, statusAt } from '../../../client/paragraphs/progress';
import { change, paragraphView } from './paragraphViews';

const ROUND = '2026-05-20T10:00:00.000Z';

const PARAGRAPHS = [
  paragraphView('a', 'PP1', 'agreed_ad_ref', { statusHistory: [change('open', 'agreed_ad_ref', '2026-05-19T09:00:00.000Z')] }),
  paragraphView('b', 'PP2', 'open'),
  paragraphView('c', 'OP1', 'agreed_pending', {
    pending: ['United States', 'China'],
    statusHistory: [change('open', 'informals', '2026-05-19T09:00:00.000Z'), change('informals', 'agreed_pending', '2026-05-20T11:00:00.000Z', ['United States', 'China'])],
  }),
  paragraphView('d', 'OP2', 'agreed_pending', { pending: ['China'], statusHistory: [change('open', 'agreed_pending', '2026-05-20T12:00:00.000Z', ['China'])] }),
  paragraphView('e', 'OP2bis', 'deleted', { statusHistory: [change('open', 'deleted', '2026-05-20T12:30:00.000Z')] }),
];

describe('progressOf', () => {
  it('counts paragraphs per status in the preamble, the operative part and in all', () => {
    const progress = progressOf(PARAGRAPHS, ROUND);
    expect(progress.total).toBe(5);
    expect(progress.preamble).toMatchObject({ agreed_ad_ref: 1, open: 1, agreed_pending: 0 });
    expect(progress.operative).toMatchObject({ agreed_pending: 2, deleted: 1, open: 0 });
    expect(progress.all).toEqual({ open: 1, informals: 0, agreed_ad_ref: 1, agreed_pending: 2, reopened: 0, deleted: 1 });
  });

  it('lists each delegation an agreement waits for with the labels it holds', () => {
    expect(progressOf(PARAGRAPHS, ROUND).pending).toEqual([
      { delegation: 'China', labels: ['OP1', 'OP2'] },
      { delegation: 'United States', labels: ['OP1'] },
    ]);
  });

  it('measures the movement since the round started from the status history', () => {
    const progress = progressOf(PARAGRAPHS, ROUND);
    // At 10:00 OP1 was in informals, OP2 and OP2bis open; PP1 was already agreed.
    expect(progress.movement).toEqual({ open: -2, informals: -1, agreed_ad_ref: 0, agreed_pending: 2, reopened: 0, deleted: 1 });
    expect(progress.changes).toBe(3);
  });

  it('counts from the draft start when there is no round', () => {
    const progress = progressOf(PARAGRAPHS, null);
    expect(progress.movement).toEqual({ open: -4, informals: 0, agreed_ad_ref: 1, agreed_pending: 2, reopened: 0, deleted: 1 });
    expect(progress.changes).toBe(5);
  });

  it('tells the status at a time from the first later change', () => {
    expect(statusAt(PARAGRAPHS[2], '2026-05-19T08:00:00.000Z')).toBe('open');
    expect(statusAt(PARAGRAPHS[2], ROUND)).toBe('informals');
    expect(statusAt(PARAGRAPHS[2], '2026-05-21T00:00:00.000Z')).toBe('agreed_pending');
  });

  it('gives shares as whole percents, and none of nothing', () => {
    expect(share(1, 3)).toBe('33%');
    expect(share(0, 0)).toBe('–');
  });
});
