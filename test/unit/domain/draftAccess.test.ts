import { DraftAccessService } from '../../../server/domain/access/draftAccess';
import type { DraftStore, MembershipRecord, MembershipStore, NegotiationStore } from '../../../server/store/types';

/** Stores in memory, with the membership reads counted; a membership read answers only once `gate` opens. */
function fixture() {
  const memberships = new Map<string, MembershipRecord>();
  let membershipReads = 0;
  const gate: { open: Promise<void> } = { open: Promise.resolve() };
  const drafts = { get: async (id: string) => (id === 'd1' ? { id, negotiationId: 'n1' } : null) } as unknown as DraftStore;
  const negotiations = { get: async (id: string) => (id === 'n1' ? { id, name: 'CCPCJ' } : null) } as unknown as NegotiationStore;
  const store = {
    get: async (negotiationId: string, userId: string) => {
      membershipReads++;
      const found = memberships.get(`${negotiationId} ${userId}`) ?? null;
      await gate.open;
      return found;
    },
  } as unknown as MembershipStore;
  const put = (userId: string, role: MembershipRecord['role'], delegation: string) =>
    memberships.set(`n1 ${userId}`, { negotiationId: 'n1', userId, role, delegation, addedAt: '', addedBy: '' });
  return { access: new DraftAccessService(drafts, negotiations, store), put, memberships, gate, reads: () => membershipReads };
}

describe('DraftAccessService', () => {
  it("answers a member's role and delegation in the draft's negotiation, and null for others and unknown drafts", async () => {
    const { access, put } = fixture();
    put('kz', 'delegate', 'Kazakhstan');
    expect(await access.accessTo('kz', 'd1')).toEqual({ negotiationId: 'n1', negotiationName: 'CCPCJ', role: 'delegate', delegation: 'Kazakhstan' });
    expect(await access.accessTo('br', 'd1')).toBeNull();
    expect(await access.accessTo('kz', 'd2')).toBeNull();
  });

  it('keeps a positive answer until the person is forgotten, and never keeps a refusal', async () => {
    const { access, put, memberships, reads } = fixture();
    expect(await access.accessTo('kz', 'd1')).toBeNull();
    put('kz', 'delegate', 'Kazakhstan');
    expect(await access.accessTo('kz', 'd1')).toMatchObject({ role: 'delegate' });
    const readsBefore = reads();
    await access.accessTo('kz', 'd1');
    expect(reads()).toBe(readsBefore);
    memberships.delete('n1 kz');
    access.forget('kz');
    expect(await access.accessTo('kz', 'd1')).toBeNull();
  });

  it('does not keep an answer read while the person was being forgotten', async () => {
    const { access, put, memberships, gate, reads } = fixture();
    put('kz', 'delegate', 'Kazakhstan');
    let answer = () => {};
    gate.open = new Promise((resolve) => (answer = resolve));
    const reading = access.accessTo('kz', 'd1');
    while (reads() === 0) await Promise.resolve();
    // The membership changes after it was read, before the answer arrives.
    memberships.delete('n1 kz');
    access.forget('kz');
    answer();
    expect(await reading).toMatchObject({ role: 'delegate' });
    expect(await access.accessTo('kz', 'd1')).toBeNull();
  });
});
