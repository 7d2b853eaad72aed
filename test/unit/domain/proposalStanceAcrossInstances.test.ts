import { randomUUID } from 'node:crypto';
import type { ProposalStore } from '../../../server/store/types';
import { delegate, proposalInstance as instance } from '../../helpers/proposalInstances';
import { makeProposal } from '../../helpers/proposalRecords';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';

const DELEGATIONS = ['Kazakhstan', 'Belarus', 'United States', 'Philippines', 'Nigeria', 'Brazil'];

/** The store as seen by an instance that another one always writes to between its reads and its writes. */
function racedBy(proposals: ProposalStore, between: () => Promise<unknown>): ProposalStore {
  return new Proxy(proposals, {
    get: (target, name: keyof ProposalStore) => {
      const call = (target[name] as (...args: unknown[]) => Promise<unknown>).bind(target);
      if (name !== 'get') return call;
      return async (...args: unknown[]) => {
        const read = await call(...args);
        await between();
        return read;
      };
    },
  });
}

describe('proposal stances taken at once on two instances', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await openTempSqliteStore();
  });
  afterEach(() => temp.dispose());

  it('keeps every support and objection: a step read before another instance wrote is worked out again', async () => {
    const [a, b] = [instance(temp.store), instance(temp.store)];
    const proposal = makeProposal(`draft-${randomUUID()}`);
    await temp.store.proposals.create(proposal);

    await Promise.all(
      DELEGATIONS.map((delegation, i) => {
        const service = i % 2 === 0 ? a : b;
        return i < 4 ? service.support(delegate(delegation), proposal.id) : service.object(delegate(delegation), proposal.id);
      }),
    );

    const stored = (await temp.store.proposals.get(proposal.id))!;
    expect([...stored.supporters].sort()).toEqual(DELEGATIONS.slice(0, 4).sort());
    expect([...stored.objectors].sort()).toEqual(DELEGATIONS.slice(4).sort());
    expect(stored.events.map((e) => e.action).sort()).toEqual(['created', 'objected', 'objected', 'supported', 'supported', 'supported', 'supported']);
  });

  it('refuses a stance on a proposal another instance decided meanwhile', async () => {
    const [a, b] = [instance(temp.store), instance(temp.store)];
    const proposal = makeProposal(`draft-${randomUUID()}`);
    await temp.store.proposals.create(proposal);
    const eu = { ...delegate('European Union'), id: proposal.authorId, delegation: proposal.delegation };

    const [withdrawn, support] = await Promise.allSettled([a.withdraw(eu, proposal.id), b.support(delegate('Nigeria'), proposal.id)]);
    const stored = (await temp.store.proposals.get(proposal.id))!;
    expect(withdrawn.status).toBe('fulfilled');
    expect(stored.status).toBe('withdrawn');
    // Either the support came first (and stays in the history) or it was refused as too late.
    if (support.status === 'rejected') expect((support.reason as Error).message).toBe('the proposal is withdrawn, no longer pending');
    else expect(stored.supporters).toEqual(['Nigeria']);
  });

  it.each([
    ['withdraws', 'withdrawn'],
    ['rejects', 'rejected'],
  ] as const)('%s while other instances take a stance between every read and write of it; every stance is kept before the decision', async (_decision, status) => {
    const b = instance(temp.store);
    const proposal = makeProposal(`draft-${randomUUID()}`);
    await temp.store.proposals.create(proposal);
    let stances = 0;
    const a = instance(temp.store, racedBy(temp.store.proposals, () => b.support(delegate(`Delegation ${++stances}`), proposal.id)));

    const decided =
      status === 'withdrawn'
        ? await a.withdraw({ ...delegate('European Union'), id: proposal.authorId, delegation: proposal.delegation }, proposal.id)
        : await a.reject({ ...delegate('Chair'), role: 'facilitator' }, proposal.id, 'out of scope');

    expect(decided.status).toBe(status);
    const stored = (await temp.store.proposals.get(proposal.id))!;
    expect(stored.supporters).toHaveLength(stances);
    expect(stored.events.map((e) => e.action)).toEqual(['created', ...Array(stances).fill('supported'), status]);
  });
});
