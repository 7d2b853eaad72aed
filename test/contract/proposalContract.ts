import { randomUUID } from 'node:crypto';
import { DuplicateError, type DraftRecord, type ProposalPatch, type Store } from '../../server/store/types';
import { makeProposal, proposalEvent as event } from '../helpers/proposalRecords';

/** The fixtures' default creation time. */
const T0 = Date.parse('2026-04-13T10:00:00.000Z');

function at(seconds: number): string {
  return new Date(T0 + seconds * 1000).toISOString();
}

/**
 * The proposals part of the store contract (see runStoreContract); `reopen` closes the store
 * and opens it again on the same data, as a restarted server would.
 */
export function proposalContract(store: () => Store, reopen: () => Promise<void>): void {
  describe('proposals', () => {
    const newDraftId = () => `draft-${randomUUID()}`;

    it('gets a created proposal as it was given, and null for an unknown id', async () => {
      const proposal = makeProposal(newDraftId());
      const point = makeProposal(proposal.draftId, {
        kind: 'new_paragraph',
        anchor: null,
        text: 'Invites Member States to report',
        paragraphType: 'operative_paragraph',
        level: 1,
        justification: 'Reporting closes the gap',
        round: null,
      });
      await store().proposals.create(proposal);
      await store().proposals.create(point);
      expect(await store().proposals.get(proposal.id)).toEqual(proposal);
      expect(await store().proposals.get(point.id)).toEqual(point);
      expect(await store().proposals.get(`proposal-${randomUUID()}`)).toBeNull();
    });

    it('rejects a taken id with DuplicateError and keeps the first', async () => {
      const proposal = makeProposal(newDraftId());
      await store().proposals.create(proposal);
      await expect(store().proposals.create({ ...proposal, text: 'welcomes' })).rejects.toBeInstanceOf(DuplicateError);
      expect(await store().proposals.get(proposal.id)).toEqual(proposal);
    });

    it("lists a draft's proposals oldest first, ties by id, optionally of one status", async () => {
      const draftId = newDraftId();
      const late = makeProposal(draftId, { createdAt: at(20) });
      const [tieA, tieB] = ['proposal-a', 'proposal-b'].map((prefix) => makeProposal(draftId, { id: `${prefix}-${randomUUID()}`, createdAt: at(10) }));
      const early = makeProposal(draftId, { createdAt: at(5), status: 'withdrawn' });
      for (const proposal of [late, tieB, early, tieA]) await store().proposals.create(proposal);
      await store().proposals.create(makeProposal(newDraftId()));

      expect((await store().proposals.listByDraft(draftId)).map((p) => p.id)).toEqual([early.id, tieA.id, tieB.id, late.id]);
      expect(await store().proposals.listByDraft(draftId, 'pending')).toEqual([tieA, tieB, late]);
      expect(await store().proposals.listByDraft(draftId, 'withdrawn')).toEqual([early]);
      expect(await store().proposals.listByDraft(draftId, 'accepted')).toEqual([]);
      expect(await store().proposals.listByDraft(newDraftId())).toEqual([]);
    });

    it('updates only while the status is the expected one, and appends each event after the others', async () => {
      const proposal = makeProposal(newDraftId());
      await store().proposals.create(proposal);
      const supported = event('supported', 'CARICOM', at(1));
      const afterSupport = await store().proposals.update(proposal.id, 'pending', { supporters: ['CARICOM'], updatedAt: at(1) }, supported);
      expect(afterSupport).toEqual({ ...proposal, supporters: ['CARICOM'], updatedAt: at(1), events: [...proposal.events, supported] });

      const decidedBy = { userId: 'user-chair', name: 'Chair', delegation: 'Facilitator', at: at(2) };
      const result = { paragraphId: 'op-5', produced: { client: 4_294_967_295, clock: 12, length: 10 } };
      const accepted = event('accepted', 'Facilitator', at(2));
      const afterAccept = await store().proposals.update(proposal.id, 'pending', { status: 'accepted', decidedBy, result, updatedAt: at(2) }, accepted);
      const expected = { ...afterSupport!, status: 'accepted', decidedBy, result, updatedAt: at(2), events: [...afterSupport!.events, accepted] };
      expect(afterAccept).toEqual(expected);

      // A second facilitator (or a withdrawal) that still expects `pending` changes nothing.
      const late = await store().proposals.update(proposal.id, 'pending', { status: 'rejected', updatedAt: at(3) }, event('rejected', 'Facilitator', at(3)));
      expect(late).toBeNull();
      expect(await store().proposals.get(proposal.id)).toEqual(expected);
    });

    it('changes the given fields only: undefined leaves one as it is, null clears it, and events are never rewritten', async () => {
      const proposal = makeProposal(newDraftId(), { justification: 'Clearer', objectors: ['G77'] });
      await store().proposals.create(proposal);
      const edited = event('edited', 'EU', at(1));
      const patch = { text: 'strongly encourages', justification: null, anchor: undefined, events: [], authorId: 'user-mallory', id: 'other' };
      const after = await store().proposals.update(proposal.id, 'pending', patch as ProposalPatch, edited);
      const expected = { ...proposal, text: 'strongly encourages', justification: null, events: [...proposal.events, edited] };
      expect(after).toEqual(expected);
      const abstained = event('abstained', 'G77', at(2));
      expect(await store().proposals.update(proposal.id, 'pending', { objectors: [] }, abstained)).toEqual({
        ...expected,
        objectors: [],
        events: [...expected.events, abstained],
      });
      // An empty patch still records the event.
      const noted = event('objected', 'US', at(3), 'no patch');
      expect((await store().proposals.update(proposal.id, 'pending', {}, noted))?.events).toEqual([...expected.events, abstained, noted]);
      expect(await store().proposals.update(`proposal-${randomUUID()}`, 'pending', {}, noted)).toBeNull();
    });

    it('with an expected event count, updates only while nobody else changed the proposal since it was read', async () => {
      const proposal = makeProposal(newDraftId());
      await store().proposals.create(proposal);
      const read = proposal.events.length;
      const caricom = event('supported', 'CARICOM', at(1));
      const first = await store().proposals.update(proposal.id, 'pending', { supporters: ['CARICOM'] }, caricom, read);
      expect(first?.supporters).toEqual(['CARICOM']);
      // Worked out from the same read: it would drop CARICOM.
      const stale = await store().proposals.update(proposal.id, 'pending', { supporters: ['G77'] }, event('supported', 'G77', at(2)), read);
      expect(stale).toBeNull();
      expect(await store().proposals.get(proposal.id)).toEqual(first);
      const again = await store().proposals.update(proposal.id, 'pending', { supporters: ['CARICOM', 'G77'] }, event('supported', 'G77', at(2)), first!.events.length);
      expect(again?.supporters).toEqual(['CARICOM', 'G77']);
    });

    it('lets exactly one of two concurrent decisions through', async () => {
      const proposal = makeProposal(newDraftId());
      await store().proposals.create(proposal);
      const decide = (action: 'accepted' | 'rejected', second: number) =>
        store().proposals.update(proposal.id, 'pending', { status: action, updatedAt: at(second) }, event(action, 'Facilitator', at(second)));
      const outcomes = await Promise.all([decide('accepted', 1), decide('rejected', 2)]);
      const winners = outcomes.filter((outcome) => outcome !== null);
      expect(winners).toHaveLength(1);
      const stored = await store().proposals.get(proposal.id);
      expect(stored).toEqual(winners[0]);
      expect(stored?.events.map((e) => e.action)).toEqual(['created', stored?.status]);
    });

    it("counts a delegation's pending proposals in one draft", async () => {
      const draftId = newDraftId();
      const eu = [makeProposal(draftId), makeProposal(draftId), makeProposal(draftId, { status: 'accepted' }), makeProposal(draftId, { status: 'withdrawn' })];
      for (const proposal of [...eu, makeProposal(draftId, { delegation: 'US' }), makeProposal(newDraftId())]) await store().proposals.create(proposal);
      expect(await store().proposals.countPending(draftId, 'EU')).toBe(2);
      await store().proposals.update(eu[0].id, 'pending', { status: 'withdrawn' }, event('withdrawn', 'EU', at(1)));
      expect(await store().proposals.countPending(draftId, 'EU')).toBe(1);
      expect(await store().proposals.countPending(draftId, 'US')).toBe(1);
      expect(await store().proposals.countPending(draftId, 'G77')).toBe(0);
    });

    it('counts the proposals an author made in a draft at or after a time, whatever became of them', async () => {
      const draftId = newDraftId();
      const times = [at(0), at(60), at(120), at(120)];
      for (const createdAt of times) await store().proposals.create(makeProposal(draftId, { createdAt, status: createdAt === at(60) ? 'rejected' : 'pending' }));
      await store().proposals.create(makeProposal(draftId, { createdAt: at(120), authorId: 'user-other' }));
      await store().proposals.create(makeProposal(newDraftId(), { createdAt: at(120) }));
      expect(await store().proposals.countByAuthorSince(draftId, 'user-eu', at(60))).toBe(3);
      expect(await store().proposals.countByAuthorSince(draftId, 'user-eu', at(61))).toBe(2);
      expect(await store().proposals.countByAuthorSince(draftId, 'user-eu', at(121))).toBe(0);
      expect(await store().proposals.countByAuthorSince(draftId, 'user-nobody', at(0))).toBe(0);
    });

    it("keeps proposals, their decisions and events, and the draft's editing rule across close and reopen", async () => {
      const draftId = newDraftId();
      const draft: DraftRecord = {
        id: draftId, negotiationId: 'negotiation-ccpcj', title: 'Countering trafficking', symbol: '',
        createdBy: 'user-chair', createdAt: at(0), updatedAt: at(0), editing: 'direct',
      };
      await store().drafts.create(draft);
      await store().drafts.setEditing(draftId, 'proposals');
      const pending = makeProposal(draftId, { supporters: ['CARICOM'], objectors: ['US'] });
      const decided = makeProposal(draftId, { kind: 'bracket', text: null, createdAt: at(1) });
      await store().proposals.create(pending);
      await store().proposals.create(decided);
      const decidedBy = { userId: 'user-chair', name: 'Chair', delegation: 'Facilitator', at: at(2) };
      const result = { paragraphId: 'op-5', produced: null };
      const accepted = await store().proposals.update(decided.id, 'pending', { status: 'accepted', decidedBy, result }, event('accepted', 'Facilitator', at(2)));

      await reopen();

      expect(await store().proposals.listByDraft(draftId)).toEqual([pending, accepted]);
      expect(await store().proposals.update(decided.id, 'pending', { status: 'rejected' }, event('rejected', 'Facilitator', at(3)))).toBeNull();
      expect(await store().proposals.countPending(draftId, 'EU')).toBe(1);
      expect(await store().drafts.get(draftId)).toEqual({ ...draft, editing: 'proposals' });
    });
  });
}
