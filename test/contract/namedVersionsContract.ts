import { randomUUID } from 'node:crypto';
import { VersionNameTakenError, type Store, type VersionRecord } from '../../server/store/types';
import { twoInstances } from './twoInstances';

function namedVersion(draftId: string, name: string): VersionRecord {
  const state = Uint8Array.of(0, 0);
  return {
    id: `version-${randomUUID()}`,
    draftId,
    kind: 'named',
    name,
    createdAt: new Date().toISOString(),
    createdBy: 'user-chair',
    createdByName: 'Chair',
    seq: 0,
    size: state.byteLength,
    state,
  };
}

/**
 * Two facilitators name a version of one draft with one name at the same moment, through two
 * instances (two connections to one store): the store keeps exactly one.
 */
export function runNamedVersionsContract(name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>): void {
  describe(`${name}: two instances naming a version of one draft`, () => {
    const instances = twoInstances(open, cleanup);

    it('stores one of two versions given the same name at once; the other is refused with VersionNameTakenError', async () => {
      const stores = instances();
      const draftId = `draft-${randomUUID()}`;
      const versions = [namedVersion(draftId, 'Rev.2'), namedVersion(draftId, 'REV.2')];
      const outcomes = await Promise.allSettled(versions.map((version, i) => stores[i].versions.create(version, { uniqueName: true })));
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(VersionNameTakenError);
      const kept = outcomes.findIndex((o) => o.status === 'fulfilled');
      for (const store of stores) expect((await store.versions.list(draftId)).map((v) => v.id)).toEqual([versions[kept].id]);
    });
  });
}
