/** @jest-environment jsdom */
import { DraftApi } from '../../../client/api/draftApi';
import { activityList } from '../../../client/history/activityList';
import { compareView } from '../../../client/history/compareView';
import { HistoryPanel } from '../../../client/history/historyPanel';
import { proposalActivityText } from '../../../client/history/proposalActivity';
import type { ProposalActivityEntry, ProposalEvent } from '../../../shared/proposals';
import type { VersionComparison } from '../../../shared/versions';
import { FakeServer } from './fakeServer';

const event = (action: ProposalEvent['action'], delegation: string, name: string, at: string, note: string | null = null): ProposalEvent => ({
  action,
  delegation,
  userId: `u-${delegation}`,
  name,
  at,
  note,
});
const entry = (e: ProposalEvent): ProposalActivityEntry => ({
  proposalId: 'p1',
  kind: 'replace',
  label: 'OP3',
  summary: 'replace “urges” with “encourages”',
  proposedBy: 'EU',
  event: e,
});

const comparison: VersionComparison = {
  paragraphs: [],
  summary: { changed: 1, added: 0, deleted: 0, moved: 0, unchanged: 0 },
  summaryText: '1 paragraph changed',
  from: { id: 'v1', draftId: 'd1', kind: 'named', name: 'Rev.1', createdAt: '2026-11-29T10:00:00Z', createdByName: 'Ms Chair', seq: 1 },
  to: null,
  attribution: [],
};

describe('proposals in the history', () => {
  it('says in words who did what to which proposal', () => {
    expect(proposalActivityText(entry(event('created', 'EU', 'Delegate of the EU', '2026-11-29T13:00:00Z')))).toBe('EU proposed: replace “urges” with “encourages” (OP3)');
    expect(proposalActivityText(entry(event('supported', 'Japan', 'Delegate of Japan', '2026-11-29T13:01:00Z')))).toBe(
      'Japan supported the proposal by EU: replace “urges” with “encourages” (OP3)',
    );
    expect(proposalActivityText(entry(event('objected', 'G77', 'Delegate of G77', '2026-11-29T13:01:00Z')))).toBe(
      'G77 objected to the proposal by EU: replace “urges” with “encourages” (OP3)',
    );
    expect(proposalActivityText(entry(event('accepted', 'Secretariat', 'Ms Chair', '2026-11-29T13:02:00Z')))).toBe(
      'Ms Chair accepted the proposal by EU: replace “urges” with “encourages” (OP3)',
    );
    expect(proposalActivityText(entry(event('rejected', 'Secretariat', 'Ms Chair', '2026-11-29T13:02:00Z', 'no consensus')))).toBe(
      'Ms Chair rejected the proposal by EU: replace “urges” with “encourages” (OP3). Reason: no consensus',
    );
    expect(proposalActivityText(entry(event('withdrawn', 'EU', 'Delegate of the EU', '2026-11-29T13:02:00Z')))).toBe(
      'EU withdrew its proposal: replace “urges” with “encourages” (OP3)',
    );
  });

  it('merges proposal events with stretches of editing, newest first', () => {
    const list = activityList(
      [{ delegation: 'Japan', authorName: 'Delegate of Japan', start: '2026-11-29T12:00:00Z', end: '2026-11-29T13:30:00Z', updates: 4, words: 9 }],
      [entry(event('accepted', 'Secretariat', 'Ms Chair', '2026-11-29T14:00:00Z')), entry(event('created', 'EU', 'Delegate of the EU', '2026-11-29T13:00:00Z'))],
    );
    const items = [...list.querySelectorAll('li')];
    expect(items.map((li) => li.classList.contains('activity-proposal'))).toEqual([true, false, true]);
    expect(items[0].textContent).toContain('Ms Chair accepted the proposal by EU');
    expect(items[2].querySelector('time')?.getAttribute('datetime')).toBe('2026-11-29T13:00:00Z');
    expect(activityList([], []).textContent).toBe('No editing yet.');
  });

  it('lists the proposals accepted between the two versions in the comparison', () => {
    const el = compareView({
      ...comparison,
      acceptedProposals: [
        { proposalId: 'p1', label: 'OP3', summary: 'replace “urges” with “encourages”', proposedBy: 'EU', supporters: ['Japan'], acceptedBy: 'Ms Chair', at: '2026-11-29T14:00:00Z' },
        { proposalId: 'p2', label: 'PP2', summary: 'delete “extreme”', proposedBy: 'US', supporters: [], acceptedBy: 'Ms Chair', at: '2026-11-29T14:05:00Z' },
      ],
    });
    const items = [...el.querySelectorAll('.accepted-proposals li')].map((li) => li.firstChild?.textContent);
    expect(items).toEqual([
      'OP3: replace “urges” with “encourages” – proposed by EU, supported by Japan, accepted by Ms Chair',
      'PP2: delete “extreme” – proposed by US, accepted by Ms Chair',
    ]);
    expect(compareView(comparison).querySelector('.compare-proposals')).toBeNull();
  });

  it('shows what the server says of proposals in the History panel and its comparison', async () => {
    const server = new FakeServer()
      .on('GET /api/drafts/d1/versions', { status: 200, body: { versions: [comparison.from] } })
      .on('GET /api/drafts/d1/activity', {
        status: 200,
        body: { activity: [], statusChanges: [], oralRevisions: [], proposals: [entry(event('created', 'EU', 'Delegate of the EU', '2026-11-29T13:00:00Z'))] },
      })
      .on('GET /api/drafts/d1/compare?from=v1&to=current', {
        status: 200,
        body: {
          ...comparison,
          statusChanges: [],
          acceptedProposals: [{ proposalId: 'p1', label: 'OP3', summary: 'delete “all”', proposedBy: 'EU', supporters: [], acceptedBy: 'Ms Chair', at: '2026-11-29T14:00:00Z' }],
        },
      });
    const panel = new HistoryPanel(new DraftApi('d1', server.api), false);
    document.body.replaceChildren(panel.element);
    await panel.refresh();
    expect(panel.element.querySelector('.activity-proposal')?.firstChild?.textContent).toBe('EU proposed: replace “urges” with “encourages” (OP3)');
    panel.element.querySelector<HTMLFormElement>('.compare-form')!.dispatchEvent(new Event('submit'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('.overlay .accepted-proposals li')?.firstChild?.textContent).toBe('OP3: delete “all” – proposed by EU, accepted by Ms Chair');
    document.querySelector<HTMLButtonElement>('.overlay button')!.click();
  });
});
