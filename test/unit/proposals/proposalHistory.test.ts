import type { ProposalView } from '../../../shared/proposals';
import { acceptedEntries, activityEntries } from '../../../server/domain/proposals/proposalHistory';
import { makeProposal, proposalEvent } from '../../helpers/proposalRecords';

const proposal = (id: string, fields: Partial<ProposalView>) => makeProposal('d', { id, paragraphId: 'op1', delegation: 'European Union', ...fields });
const event = (action: Parameters<typeof proposalEvent>[0], at: string, delegation = 'European Union') => proposalEvent(action, delegation, at);

const labels = new Map([['op1', 'OP1'], ['op9', 'OP7bis']]);
const decided = (at: string) => ({ userId: 'f', name: 'Facilitator', delegation: 'Facilitator', at });

describe('proposal history', () => {
  it('lists every step of every proposal newest first, labelled with the paragraph it produced when it made one', () => {
    const a = proposal('a', { events: [event('created', '2026-05-18T10:00:00.000Z'), event('supported', '2026-05-18T10:05:00.000Z', 'Nigeria')] });
    const b = proposal('b', {
      kind: 'new_paragraph',
      anchor: null,
      text: 'Decides to remain seized of the matter;',
      result: { paragraphId: 'op9', produced: null },
      events: [event('created', '2026-05-18T10:01:00.000Z'), event('accepted', '2026-05-18T10:06:00.000Z', 'Facilitator')],
    });
    const entries = activityEntries([a, b], labels, 3);
    expect(entries.map((entry) => [entry.proposalId, entry.event.action, entry.label])).toEqual([
      ['b', 'accepted', 'OP7bis'],
      ['a', 'supported', 'OP1'],
      ['b', 'created', 'OP7bis'],
    ]);
  });

  it('folds the edits Propose mode sends while a delegate types into the step they continue, keeping a later revision', () => {
    const typed = proposal('typed', {
      events: [
        event('created', '2026-05-18T10:00:00.000Z'),
        event('edited', '2026-05-18T10:00:00.400Z'),
        event('edited', '2026-05-18T10:00:00.800Z'),
        event('edited', '2026-05-18T10:00:01.200Z'),
        event('supported', '2026-05-18T10:02:00.000Z', 'Nigeria'),
        event('edited', '2026-05-18T10:02:10.000Z'),
        event('edited', '2026-05-18T10:02:10.400Z'),
        event('edited', '2026-05-18T10:30:00.000Z'),
      ],
    });
    expect(activityEntries([typed], labels, 10).map((entry) => [entry.event.action, entry.event.at.slice(11, 23)])).toEqual([
      ['edited', '10:30:00.000'],
      ['edited', '10:02:10.000'],
      ['supported', '10:02:00.000'],
      ['created', '10:00:00.000'],
    ]);
  });

  it('lists proposals accepted within the span only, oldest first', () => {
    const early = proposal('early', { status: 'accepted', decidedBy: decided('2026-05-18T09:00:00.000Z') });
    const inside = proposal('inside', { status: 'accepted', supporters: ['Japan'], decidedBy: decided('2026-05-18T11:00:00.000Z') });
    const late = proposal('late', { status: 'accepted', decidedBy: decided('2026-05-18T13:00:00.000Z') });
    const span = { after: '2026-05-18T10:00:00.000Z', until: '2026-05-18T12:00:00.000Z' };
    expect(acceptedEntries([late, inside, early], labels, span)).toEqual([
      { proposalId: 'inside', label: 'OP1', summary: expect.any(String), proposedBy: 'European Union', supporters: ['Japan'], acceptedBy: 'Facilitator', at: '2026-05-18T11:00:00.000Z' },
    ]);
    expect(acceptedEntries([late, inside, early], labels, { after: span.after }).map((entry) => entry.proposalId)).toEqual(['inside', 'late']);
  });
});
