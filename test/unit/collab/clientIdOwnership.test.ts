import { ClientIdOwnership } from '../../../server/collab/clientIdOwnership';
import type { ClientIdStore } from '../../../server/store/types';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';

describe('ClientIdOwnership', () => {
  let temp: TempStore;
  let store: ClientIdStore;
  let claims: jest.SpyInstance;

  beforeEach(async () => {
    temp = await openTempSqliteStore();
    store = temp.store.clientIds;
    claims = jest.spyOn(store, 'claim');
  });
  afterEach(() => temp.dispose());

  it('binds new ids to the claimant and answers known ones without asking the store again', async () => {
    const ownership = new ClientIdOwnership(store);
    expect(ownership.ownerOf(7)).toBeUndefined();
    await ownership.claim([7, 8], 'user-kz');
    expect(ownership.claim([7, 8], 'user-eu')).toBeNull();
    expect([ownership.ownerOf(7), ownership.ownerOf(8)]).toEqual(['user-kz', 'user-kz']);
    expect(claims).toHaveBeenCalledTimes(2);
  });

  it('learns the owner an id already has in the store (another instance, an earlier run)', async () => {
    await store.claim(9, 'user-kz');
    const ownership = new ClientIdOwnership(store);
    await ownership.claim([9], 'user-eu');
    expect(ownership.ownerOf(9)).toBe('user-kz');
  });

  it('asks the store once for the same id claimed twice at the same time', async () => {
    const ownership = new ClientIdOwnership(store);
    await Promise.all([ownership.claim([10], 'user-kz'), ownership.claim([10], 'user-eu')]);
    expect(claims).toHaveBeenCalledTimes(1);
    expect(ownership.ownerOf(10)).toBe('user-kz');
  });

  it('forgets the least recently used ids beyond its size and asks the store again', async () => {
    const ownership = new ClientIdOwnership(store, 2);
    await ownership.claim([1, 2], 'user-kz');
    ownership.ownerOf(1);
    await ownership.claim([3], 'user-eu');
    expect([ownership.ownerOf(1), ownership.ownerOf(2), ownership.ownerOf(3)]).toEqual(['user-kz', undefined, 'user-eu']);
    await ownership.claim([2], 'user-eu');
    expect(ownership.ownerOf(2)).toBe('user-kz');
  });
});
