import { randomUUID } from 'node:crypto';
import type { ProposalStore } from '../../../server/store/types';
import { delegate, proposalInstance, sharedRoom } from '../../helpers/proposalInstances';
import { rangeOn, textIn } from '../../helpers/proposals';
import { makeProposal } from '../../helpers/proposalRecords';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';
import { idOf, liveDraft, ops } from '../proposals/proposalFixture';

const AS_IT_STANDS = 'Urges Member States to act;';
const PROPOSED = 'Encourages Member States to act;';
const EDITED = 'Invites Member States to act;';

/** The store as seen by an instance that another one writes to just before each of its first `times` calls of `name`. */
function writtenToBefore(proposals: ProposalStore, name: keyof ProposalStore, times: number, between: () => Promise<unknown>): ProposalStore {
  let raced = 0;
  return new Proxy(proposals, {
    get: (target, called: keyof ProposalStore) => {
      const call = (target[called] as (...args: unknown[]) => Promise<unknown>).bind(target);
      if (called !== name) return call;
      return async (...args: unknown[]) => {
        if (raced++ < times) await between();
        return call(...args);
      };
    },
  });
}

const chair = { ...delegate('Chair'), role: 'facilitator' as const };

describe('accepting a proposal while another instance changes it', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempSqliteStore();
  });
  afterEach(() => temp.dispose());

  /** A pending alternative wording for the draft's only operative paragraph, and the room both instances share. */
  async function alternativeProposal() {
    const doc = liveDraft({ operative: ops(AS_IT_STANDS) });
    const paragraphId = idOf(doc, AS_IT_STANDS);
    const proposal = makeProposal(`draft-${randomUUID()}`, { kind: 'alternative', paragraphId, anchor: null, text: PROPOSED });
    await temp.store.proposals.create(proposal);
    const eu = { ...delegate(proposal.delegation), id: proposal.authorId };
    return { doc, paragraphId, proposal, eu, room: sharedRoom(doc) };
  }

  it.each(['listByDraft', 'update'] as const)(
    'refuses when the proposer reworded it on another instance after accept read it (edit before accept’s %s): the text and the record keep agreeing',
    async (call) => {
      const { doc, paragraphId, proposal, eu, room } = await alternativeProposal();
      const b = proposalInstance(temp.store, temp.store.proposals, room);
      const a = proposalInstance(temp.store, writtenToBefore(temp.store.proposals, call, 1, () => b.edit(eu, proposal.id, { text: EDITED })), room);

      await expect(a.accept(chair, proposal.id)).rejects.toMatchObject({ message: 'the proposal was edited while it was being accepted; review it again', status: 409 });

      expect(textIn(doc, paragraphId)).toBe(AS_IT_STANDS);
      const stored = (await temp.store.proposals.get(proposal.id))!;
      expect(stored).toMatchObject({ status: 'pending', text: EDITED, result: null, decidedBy: null });
      expect(stored.events.map((e) => e.action)).toEqual(['created', 'edited']);
    },
  );

  it('refuses when the proposer moved the anchor on another instance after accept read it', async () => {
    const doc = liveDraft({ operative: ops(AS_IT_STANDS) });
    const paragraphId = idOf(doc, AS_IT_STANDS);
    const proposal = makeProposal(`draft-${randomUUID()}`, { kind: 'replace', paragraphId, anchor: rangeOn(doc, paragraphId, 'Urges'), text: 'Encourages' });
    await temp.store.proposals.create(proposal);
    const eu = { ...delegate(proposal.delegation), id: proposal.authorId };
    const moved = rangeOn(doc, paragraphId, 'Member States');
    const b = proposalInstance(temp.store, temp.store.proposals, sharedRoom(doc));
    const a = proposalInstance(temp.store, writtenToBefore(temp.store.proposals, 'update', 1, () => b.edit(eu, proposal.id, { anchor: moved })), sharedRoom(doc));

    await expect(a.accept(chair, proposal.id)).rejects.toMatchObject({ message: 'the proposal was edited while it was being accepted; review it again' });

    expect(textIn(doc, paragraphId)).toBe(AS_IT_STANDS);
    expect(await temp.store.proposals.get(proposal.id)).toMatchObject({ status: 'pending', anchor: { start: moved.start, end: moved.end, quote: 'Member States' } });
  });

  it('accepts the wording as edited when the edit came before accept read it', async () => {
    const { doc, paragraphId, proposal, eu, room } = await alternativeProposal();
    const [a, b] = [proposalInstance(temp.store, temp.store.proposals, room), proposalInstance(temp.store, temp.store.proposals, room)];
    await b.edit(eu, proposal.id, { text: EDITED });

    const accepted = await a.accept(chair, proposal.id);

    expect(accepted).toMatchObject({ status: 'accepted', text: EDITED });
    expect(textIn(doc, paragraphId)).toBe(EDITED);
  });

  it('accepts what it read when only the justification was edited in between: the words accepted are the same', async () => {
    const { doc, paragraphId, proposal, eu, room } = await alternativeProposal();
    const b = proposalInstance(temp.store, temp.store.proposals, room);
    const a = proposalInstance(temp.store, writtenToBefore(temp.store.proposals, 'update', 1, () => b.edit(eu, proposal.id, { justification: 'Clearer.' })), room);

    expect(await a.accept(chair, proposal.id)).toMatchObject({ status: 'accepted', text: PROPOSED, justification: 'Clearer.' });
    expect(textIn(doc, paragraphId)).toBe(PROPOSED);
  });

  it('accepts what it read when stances arrive between its read and its write, keeping every stance before the decision', async () => {
    const { doc, paragraphId, proposal, room } = await alternativeProposal();
    const b = proposalInstance(temp.store, temp.store.proposals, room);
    let stances = 0;
    const a = proposalInstance(temp.store, writtenToBefore(temp.store.proposals, 'update', 2, () => b.support(delegate(`Delegation ${++stances}`), proposal.id)), room);

    const accepted = await a.accept(chair, proposal.id);

    expect(accepted).toMatchObject({ status: 'accepted', text: PROPOSED, supporters: ['Delegation 1', 'Delegation 2'] });
    expect(textIn(doc, paragraphId)).toBe(PROPOSED);
    const stored = (await temp.store.proposals.get(proposal.id))!;
    expect(stored.events.map((e) => e.action)).toEqual(['created', 'supported', 'supported', 'accepted']);
    expect(stored.result).toEqual(accepted.result);
  });
});
