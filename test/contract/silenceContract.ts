import { randomUUID } from 'node:crypto';
import type { SilenceRecord, Store } from '../../server/store/types';
import type { SilenceBreak } from '../../shared/silence';

function makeSilence(draftId: string, startedAt: string): SilenceRecord {
  return {
    id: `silence-${randomUUID()}`,
    draftId,
    until: '2026-12-03T23:00:00.000Z',
    zone: 'America/New_York',
    startedBy: { id: 'user-chair', username: 'chair', displayName: 'Chair', admin: false, negotiationId: 'n-1', negotiationName: 'CCPCJ', role: 'facilitator', delegation: '' },
    startedAt,
    state: 'open',
    concludedAt: null,
    breaks: [],
  };
}

function makeBreak(delegation: string): SilenceBreak {
  return { delegation, byUserId: `user-${delegation}`, byName: delegation, statement: '$set: we cannot join "consensus"', at: '2026-12-03T20:00:00.000Z' };
}

/** The silence procedures part of the store contract (see runStoreContract). */
export function silenceContract(store: () => Store): void {
  describe('silences', () => {
    it('keeps a procedure, its breaks in order, and returns the newest of a draft', async () => {
      const draftId = `draft-${randomUUID()}`;
      expect(await store().silences.latest(draftId)).toBeNull();
      const first = makeSilence(draftId, '2026-12-01T09:00:00.000Z');
      await store().silences.create(first);
      expect(await store().silences.end(first.id, 'cancelled', '2026-12-01T10:00:00.000Z')).toMatchObject({ state: 'cancelled' });
      const second = makeSilence(draftId, '2026-12-02T09:00:00.000Z');
      await store().silences.create(second);
      await store().silences.addBreak(second.id, makeBreak('Kazakhstan'));
      const broken = await store().silences.addBreak(second.id, makeBreak('EU'));
      expect(broken).toEqual({ ...second, breaks: [makeBreak('Kazakhstan'), makeBreak('EU')] });
      expect(await store().silences.latest(draftId)).toEqual(broken);
    });

    it('lists the open procedures, and ends one only once', async () => {
      const open = makeSilence(`draft-${randomUUID()}`, '2026-12-01T09:00:00.000Z');
      await store().silences.create(open);
      expect((await store().silences.listOpen()).map((record) => record.id)).toContain(open.id);
      const ended = await store().silences.end(open.id, 'concluded', '2026-12-03T23:00:00.000Z');
      expect(ended).toEqual({ ...open, state: 'concluded', concludedAt: '2026-12-03T23:00:00.000Z' });
      expect(await store().silences.end(open.id, 'cancelled', '2026-12-03T23:00:01.000Z')).toBeNull();
      expect(await store().silences.addBreak(open.id, makeBreak('EU'))).toBeNull();
      expect((await store().silences.listOpen()).map((record) => record.id)).not.toContain(open.id);
      expect((await store().silences.latest(open.draftId))?.breaks).toEqual([]);
    });
  });
}
