import { randomUUID } from 'node:crypto';
import type { Store, StoredUpdate } from '../../server/store/types';
import { contentOf, docOf, LogWriter } from './logWriter';
import { collect } from './collect';
import { twoInstances } from './twoInstances';

const ROUNDS = 40;

/** 1, 2, ..., n. */
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/**
 * Several writers on one draft (docs/DESIGN.md "Ordering with several writers"): two store
 * instances (two connections, two handles on one file) append to one draft at the same time
 * and snapshot their partial views; loading afterwards holds everything either appended.
 */
export function runConcurrentAppendsContract(name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>): void {
  describe(`${name}: two instances appending to one draft`, () => {
    const instances = twoInstances(open, cleanup);

    it('numbers the draft 1..n without duplicates, and a load after snapshots of partial views holds the union', async () => {
      const stores = instances();
      const draftId = `draft-${randomUUID()}`;
      const [a, b] = [new LogWriter(stores[0].documents, draftId, 'a'), new LogWriter(stores[1].documents, draftId, 'b')];
      let heard = 0;
      try {
        for (let round = 0; round < ROUNDS; round++) {
          await Promise.all([a.edit(1 + (round % 2)), b.edit(1 + ((round + 1) % 3))]);
          if (round % 5 === 4) await Promise.all([a.snapshot(), b.snapshot()]);
          // Now and then a hears of what b stored (a relay); b never hears of a.
          if (round % 10 === 9) a.hear(b.stored.slice(heard, (heard = b.stored.length)));
        }
        const appended = [...a.stored, ...b.stored];
        expect(appended.map((e) => e.seq).sort((x, y) => x - y)).toEqual(oneTo(appended.length));
        const logged: StoredUpdate[] = await collect(stores[0].documents.updatesBetween(draftId, 0));
        expect(logged.map((e) => e.seq)).toEqual(oneTo(appended.length));
        expect(await stores[1].documents.lastSeq(draftId)).toBe(appended.length);

        const union = docOf(appended);
        for (const store of stores) {
          const loaded = docOf(await store.documents.load(draftId));
          expect(contentOf(loaded)).toEqual(contentOf(union));
          loaded.destroy();
        }
        union.destroy();
      } finally {
        a.destroy();
        b.destroy();
      }
    });

    it('stores a batch once when its retry reaches the other instance', async () => {
      const stores = instances();
      const draftId = `draft-${randomUUID()}`;
      const batch = [1, 2].map((byte) => ({ draftId, update: Uint8Array.of(byte), authorId: 'author', at: new Date().toISOString() }));
      const first = await stores[0].documents.append(batch, `retried-${draftId}`);
      const [retried, other] = await Promise.all([
        stores[1].documents.append(batch, `retried-${draftId}`),
        stores[1].documents.append([{ ...batch[0], update: Uint8Array.of(3) }]),
      ]);
      expect(retried).toEqual(first);
      expect(other[0].seq).toBe(3);
      expect((await collect(stores[0].documents.updatesBetween(draftId, 0))).map((e) => [e.seq, e.update[0]])).toEqual([[1, 1], [2, 2], [3, 3]]);
    });
  });
}
