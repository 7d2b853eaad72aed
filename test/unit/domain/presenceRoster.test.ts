import { PresenceRoster } from '../../../server/domain/presenceRoster';
import type { DraftMember } from '../../../server/domain/access/draftMember';

const kazakhstan: DraftMember = {
  id: 'u-kz',
  admin: false,
  negotiationId: 'n1',
  negotiationName: 'CCPCJ',
  username: 'kazakhstan',
  displayName: 'Delegate of Kazakhstan',
  delegation: 'Kazakhstan',
  role: 'delegate',
};
const chair: DraftMember = { id: 'u-chair', username: 'chair', displayName: 'Facilitator', admin: false, negotiationId: 'n1', negotiationName: 'CCPCJ', delegation: 'Facilitator', role: 'facilitator' };

describe('PresenceRoster', () => {
  let roster: PresenceRoster;
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.UTC(2026, 4, 18, 10, 0, 0) });
    roster = new PresenceRoster();
  });
  afterEach(() => jest.useRealTimers());

  const delegations = (draftId: string) => roster.list(draftId).map((p) => p.delegation);

  it('lists nobody in a draft nobody joined', () => {
    expect(roster.list('d1')).toEqual([]);
  });

  it('lists a person who joined with delegation, role and the time they came', () => {
    expect(roster.join('d1', kazakhstan, 'c1')).toBe(true);
    expect(roster.list('d1')).toEqual([
      {
        userId: 'u-kz',
        displayName: 'Delegate of Kazakhstan',
        delegation: 'Kazakhstan',
        role: 'delegate',
        since: '2026-05-18T10:00:00.000Z',
      },
    ]);
  });

  it('lists people in the order they came', () => {
    roster.join('d1', chair, 'c1');
    roster.join('d1', kazakhstan, 'c2');
    expect(delegations('d1')).toEqual(['Facilitator', 'Kazakhstan']);
  });

  it('shows a person with several connections once, since the first, until the last one leaves', () => {
    roster.join('d1', kazakhstan, 'tab-1');
    jest.advanceTimersByTime(60_000);
    expect(roster.join('d1', kazakhstan, 'tab-2')).toBe(false);
    expect(roster.list('d1')).toEqual([expect.objectContaining({ userId: 'u-kz', since: '2026-05-18T10:00:00.000Z' })]);

    expect(roster.leave('d1', 'u-kz', 'tab-1')).toBe(false);
    expect(delegations('d1')).toEqual(['Kazakhstan']);
    expect(roster.leave('d1', 'u-kz', 'tab-2')).toBe(true);
    expect(roster.list('d1')).toEqual([]);
  });

  it('counts the same connection joining twice once', () => {
    roster.join('d1', kazakhstan, 'c1');
    expect(roster.join('d1', kazakhstan, 'c1')).toBe(false);
    expect(roster.leave('d1', 'u-kz', 'c1')).toBe(true);
    expect(roster.list('d1')).toEqual([]);
  });

  it('keeps drafts apart', () => {
    roster.join('d1', kazakhstan, 'c1');
    roster.join('d2', chair, 'c2');
    expect([delegations('d1'), delegations('d2')]).toEqual([['Kazakhstan'], ['Facilitator']]);
    expect(roster.leave('d2', 'u-kz', 'c1')).toBe(false);
    expect(delegations('d1')).toEqual(['Kazakhstan']);
  });

  it('ignores leaving by someone or some connection that is not there', () => {
    roster.join('d1', kazakhstan, 'c1');
    expect(roster.leave('d1', 'u-chair', 'c1')).toBe(false);
    expect(roster.leave('d1', 'u-kz', 'other-connection')).toBe(false);
    expect(roster.leave('d9', 'u-kz', 'c1')).toBe(false);
    expect(delegations('d1')).toEqual(['Kazakhstan']);
  });

  it('gives a person who left and came back a new since', () => {
    roster.join('d1', kazakhstan, 'c1');
    roster.leave('d1', 'u-kz', 'c1');
    jest.advanceTimersByTime(5_000);
    expect(roster.join('d1', kazakhstan, 'c2')).toBe(true);
    expect(roster.list('d1')[0].since).toBe('2026-05-18T10:00:05.000Z');
  });
});
