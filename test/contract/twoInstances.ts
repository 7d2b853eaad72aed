import type { Store } from '../../server/store/types';

/**
 * Two store instances on one store (two connections, as two server instances have), opened before
 * the describe block's tests and closed after them; the returned function gives them.
 */
export function twoInstances(open: () => Promise<Store>, cleanup?: () => Promise<void>): () => Store[] {
  let stores: Store[] = [];
  beforeAll(async () => {
    stores = [await open(), await open()];
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await cleanup?.();
  });
  return () => stores;
}
