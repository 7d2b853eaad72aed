import { PersistenceQueue } from '../../../server/collab/persistenceQueue';
import { UnavailableError } from '../../../server/collab/unavailableError';
import type { DocumentStore, NewUpdate, StoredUpdate } from '../../../server/store/types';
import { ERROR, LogCapture } from '../../helpers/captureLogs';
import { openTempSqliteStore, type TempStore } from '../../helpers/tempStore';

function entry(draftId: string, n: number): NewUpdate {
  return { draftId, update: Uint8Array.of(n), authorId: `author-${n}`, at: new Date(Date.UTC(2026, 4, 18, 10, 0, n)).toISOString() };
}

/** A promise with its resolve function, to hold a store call open until the test lets it go. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Resolves after the event loop has gone round once (the queue writes on setImmediate). */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('PersistenceQueue', () => {
  let temp: TempStore;
  let documents: DocumentStore;
  let realAppend: DocumentStore['append'];
  let logs: LogCapture;

  beforeEach(async () => {
    temp = await openTempSqliteStore();
    documents = temp.store.documents;
    realAppend = documents.append.bind(documents);
    logs = new LogCapture();
  });
  afterEach(() => temp.dispose());

  const logged = async (draftId: string) => {
    const rows: StoredUpdate[] = [];
    for await (const row of documents.updatesBetween(draftId, 0)) rows.push(row);
    return rows;
  };

  it('writes every update enqueued in one turn in ONE append, in order, and resolves each with its seq', async () => {
    const append = jest.spyOn(documents, 'append');
    const durable: StoredUpdate[][] = [];
    const queue = new PersistenceQueue(documents, logs.logger, (batch) => durable.push(batch));
    const entries = [entry('a', 1), entry('b', 2), entry('a', 3)];

    const stored = await Promise.all(entries.map((e) => queue.enqueue(e)));

    expect(append.mock.calls).toEqual([[entries, expect.any(String)]]);
    expect(stored).toEqual(entries.map((e) => ({ ...e, seq: expect.any(Number) })));
    expect(stored[0].seq).toBeLessThan(stored[2].seq);
    expect(durable).toEqual([stored]);
    expect(await logged('a')).toEqual([stored[0], stored[2]]);

    await queue.enqueue(entry('a', 4));
    expect(append).toHaveBeenCalledTimes(2);
  });

  it('collects what arrives during a write into the next single write', async () => {
    const held = gate();
    const started = gate();
    const append = jest.spyOn(documents, 'append').mockImplementationOnce(async (batch) => {
      started.open();
      await held.promise;
      return realAppend(batch);
    });
    const queue = new PersistenceQueue(documents, logs.logger);
    const first = queue.enqueue(entry('a', 1));
    await started.promise;
    const later = [queue.enqueue(entry('a', 2)), queue.enqueue(entry('a', 3))];
    held.open();
    await Promise.all([first, ...later]);
    expect(append.mock.calls.map(([batch]) => batch)).toEqual([[entry('a', 1)], [entry('a', 2), entry('a', 3)]]);
  });

  it('retries a failing write as the same batch under the same id: nothing resolves until it succeeds, then all resolve in order', async () => {
    const queue = new PersistenceQueue(documents, logs.logger);
    const resolved: number[] = [];
    const track = (n: number) => queue.enqueue(entry('a', n)).then((stored) => (resolved.push(n), stored));
    let arrivedDuringFailure: Promise<StoredUpdate> | null = null;
    let resolvedWhenItWorked: number[] | null = null;
    let barrierPassed = false;
    const append = jest
      .spyOn(documents, 'append')
      .mockImplementationOnce(async () => {
        arrivedDuringFailure = track(4);
        throw new Error('disk full');
      })
      .mockRejectedValueOnce(new Error('disk full'))
      .mockImplementationOnce(async (batch, batchId) => {
        resolvedWhenItWorked = [...resolved];
        return realAppend(batch, batchId);
      });

    const first = [track(1), track(2), track(3)];
    void queue.barrier().then(() => (barrierPassed = true));
    const stored = await Promise.all(first);
    stored.push(await arrivedDuringFailure!);

    expect(resolvedWhenItWorked).toEqual([]);
    expect(resolved).toEqual([1, 2, 3, 4]);
    expect(barrierPassed).toBe(true);
    expect(append.mock.calls.map(([batch]) => batch.map((e) => e.update[0]))).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3], [4]]);
    const [firstId, ...retryIds] = append.mock.calls.slice(0, 3).map(([, batchId]) => batchId);
    expect(retryIds).toEqual([firstId, firstId]);
    expect(append.mock.calls[3][1]).not.toBe(firstId);
    expect(await logged('a')).toEqual(stored);
    expect(stored.map((s) => s.update[0])).toEqual([1, 2, 3, 4]);
    expect(logs.entries.filter((e) => e.level === ERROR)).toEqual([
      expect.objectContaining({ msg: 'saving updates failed; will retry', attempt: 1, batch: 3 }),
      expect.objectContaining({ msg: 'saving updates failed; will retry', attempt: 2, batch: 3 }),
    ]);
  });

  it('stores a batch once when its write landed but the answer was lost, and resolves with the seqs it was stored at', async () => {
    const append = jest.spyOn(documents, 'append').mockImplementationOnce(async (batch, batchId) => {
      await realAppend(batch, batchId);
      throw new Error('connection reset');
    });
    const queue = new PersistenceQueue(documents, logs.logger);
    const stored = await Promise.all([queue.enqueue(entry('a', 1)), queue.enqueue(entry('a', 2))]);
    expect(append).toHaveBeenCalledTimes(2);
    expect(await logged('a')).toEqual(stored);
    expect(stored.map((s) => s.update[0])).toEqual([1, 2]);
  });

  describe('barrier()', () => {
    it('resolves at once when nothing is queued', async () => {
      await expect(new PersistenceQueue(documents, logs.logger).barrier()).resolves.toBeUndefined();
    });

    it('waits for what was enqueued before it, not for what came after', async () => {
      const firstWrite = gate();
      const secondWrite = gate();
      const secondStarted = gate();
      jest
        .spyOn(documents, 'append')
        .mockImplementationOnce(async (batch) => {
          await firstWrite.promise;
          return realAppend(batch);
        })
        .mockImplementationOnce(async (batch) => {
          secondStarted.open();
          await secondWrite.promise;
          return realAppend(batch);
        });
      const queue = new PersistenceQueue(documents, logs.logger);
      let firstDurable = false;
      let afterDurable = false;
      void queue.enqueue(entry('a', 1)).then(() => (firstDurable = true));
      let barrierPassed = false;
      const barrier = queue.barrier().then(() => (barrierPassed = true));
      await nextTurn();
      const after = queue.enqueue(entry('a', 2)).then(() => (afterDurable = true));
      await nextTurn();
      expect(barrierPassed).toBe(false);

      firstWrite.open();
      await barrier;
      expect([firstDurable, afterDurable]).toEqual([true, false]);

      await secondStarted.promise;
      secondWrite.open();
      await after;
    });
  });

  it('close() writes what is still queued', async () => {
    const queue = new PersistenceQueue(documents, logs.logger);
    let durable = false;
    void queue.enqueue(entry('a', 1)).then(() => (durable = true));
    await queue.close();
    expect(durable).toBe(true);
    expect(await logged('a')).toHaveLength(1);
  });

  it('writes a batch once even when the durability callback throws', async () => {
    const append = jest.spyOn(documents, 'append');
    const queue = new PersistenceQueue(documents, logs.logger, () => {
      throw new Error('listener failed');
    });
    await queue.enqueue(entry('a', 1));
    await queue.enqueue(entry('a', 2));
    expect(append).toHaveBeenCalledTimes(2);
    expect((await logged('a')).map((row) => row.update[0])).toEqual([1, 2]);
    expect(logs.entries.filter((e) => e.msg === 'durability listener failed')).toHaveLength(2);
  });

  describe('a bounded backlog', () => {
    it('reports unsaved bytes, failures and age, says "overloaded" once at the cap, and still keeps and writes everything', async () => {
      let clock = 1_000;
      const firstFailure = gate();
      let storeDown = true;
      jest.spyOn(documents, 'append').mockImplementation(async (batch) => {
        if (!storeDown) return realAppend(batch);
        firstFailure.open();
        throw new Error('disk gone');
      });
      const overloads: number[] = [];
      const queue = new PersistenceQueue(documents, logs.logger, undefined, {
        maxUnsavedBytes: 3,
        maxWaitMs: Infinity,
        onOverloaded: () => overloads.push(queue.health().unsavedBytes),
        now: () => clock,
      });
      const durable = [queue.enqueue(entry('a', 1)), queue.enqueue(entry('a', 2))];
      await firstFailure.promise;
      await nextTurn();
      clock += 250;
      expect(queue.overloaded).toBe(false);
      expect(queue.health()).toEqual({ consecutiveFailures: 1, unsavedUpdates: 2, unsavedBytes: 2, oldestUnsavedMs: 250, overloaded: false });

      durable.push(queue.enqueue(entry('a', 3)));
      expect(queue.overloaded).toBe(true);
      // Past the cap nothing is dropped: whatever the caller still enqueues is kept.
      durable.push(queue.enqueue(entry('b', 4)));
      expect(overloads).toEqual([3]);
      expect(queue.health()).toMatchObject({ unsavedUpdates: 4, unsavedBytes: 4, overloaded: true });

      storeDown = false;
      await Promise.all(durable);
      expect(queue.health()).toEqual({ consecutiveFailures: 0, unsavedUpdates: 0, unsavedBytes: 0, oldestUnsavedMs: null, overloaded: false });
      expect((await logged('a')).map((row) => row.update[0])).toEqual([1, 2, 3]);
      expect((await logged('b')).map((row) => row.update[0])).toEqual([4]);
      expect(logs.entries.map((e) => e.msg)).toEqual(
        expect.arrayContaining(['unsaved backlog at its cap; refusing edits', 'unsaved backlog below its cap again; accepting edits']),
      );
    });

    it('accepts an author\'s edits only while the backlog is under its cap and the author holds under a quarter of it', async () => {
      const held = gate();
      jest.spyOn(documents, 'append').mockImplementation(async (batch) => {
        await held.promise;
        return realAppend(batch);
      });
      const queue = new PersistenceQueue(documents, logs.logger, undefined, { maxUnsavedBytes: 8, maxWaitMs: Infinity });
      const flood = { ...entry('a', 1), update: Uint8Array.of(1, 2) };
      const durable = [queue.enqueue(flood)];
      expect([queue.accepts(flood.authorId), queue.accepts('someone-else')]).toEqual([false, true]);
      durable.push(queue.enqueue({ ...entry('a', 2), authorId: 'someone-else', update: new Uint8Array(6) }));
      expect([queue.overloaded, queue.accepts('a-third-author')]).toEqual([true, false]);
      held.open();
      await Promise.all(durable);
      expect([queue.accepts(flood.authorId), queue.accepts('someone-else')]).toEqual([true, true]);
    });

    it('boundedBarrier() gives up after maxWaitMs with UnavailableError, while the write itself still lands', async () => {
      const held = gate();
      jest.spyOn(documents, 'append').mockImplementationOnce(async (batch) => {
        await held.promise;
        return realAppend(batch);
      });
      const queue = new PersistenceQueue(documents, logs.logger, undefined, { maxUnsavedBytes: Infinity, maxWaitMs: 20 });
      const durable = queue.enqueue(entry('a', 1));
      await expect(queue.boundedBarrier()).rejects.toBeInstanceOf(UnavailableError);
      held.open();
      await durable;
      await expect(queue.boundedBarrier()).resolves.toBeUndefined();
      expect(await logged('a')).toHaveLength(1);
    });
  });
});
