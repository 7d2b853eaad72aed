import path from 'node:path';
import * as Y from 'yjs';
import { ConcurrentReads } from '../../../server/domain/versions/concurrentReads';
import { HistoryJob } from '../../../server/domain/versions/historyJob';
import { historyWorkerEntry } from '../../../server/domain/versions/historyWorkerFile';
import { HistoryWorkers } from '../../../server/domain/versions/historyWorkers';
import { ERROR, LogCapture } from '../../helpers/captureLogs';

/** A Yjs state of a draft with one paragraph of `text` (id p-1). */
function stateWith(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('preambular_paragraph');
  paragraph.setAttribute('id', 'p-1');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('prosemirror').insert(0, [paragraph]);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

describe('history workers', () => {
  const logs = new LogCapture();

  it('decode a stored state in a worker thread, as the job does in-process', async () => {
    const workers = new HistoryWorkers(historyWorkerEntry(), 1, logs.logger);
    try {
      const state = stateWith('Recalling its resolution 64/293,');
      const opened = await workers.run((call) => call({ kind: 'open', state }));
      expect(opened).toEqual((new HistoryJob().handle({ kind: 'open', state }) as { value: unknown }).value);
      expect(opened).toMatchObject({ text: expect.stringContaining('Recalling its resolution 64/293,') });
    } finally {
      await workers.close();
    }
  });

  it('fail the job of a worker that dies, log it, and start a fresh worker for the next job', async () => {
    const crashing = { source: path.join(__dirname, 'no-such-worker.js'), eval: false };
    const workers = new HistoryWorkers(crashing, 1, logs.logger);
    try {
      await expect(workers.run((call) => call({ kind: 'compareEnd' }))).rejects.toThrow();
      expect(logs.entries.some((e) => e.level === ERROR && e.msg === 'history worker failed')).toBe(true);
      // The pool is not left holding a dead worker: the next job gets a new one (which fails the same way here).
      await expect(workers.run((call) => call({ kind: 'compareEnd' }))).rejects.toThrow();
    } finally {
      await workers.close();
    }
  });

  it('fail the jobs still waiting for a worker when closed', async () => {
    const workers = new HistoryWorkers(historyWorkerEntry(), 1, logs.logger);
    let finishFirst!: () => void;
    const first = workers.run(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const waiting = expect(workers.run(async () => 'never runs')).rejects.toThrow('the server is shutting down');
    await workers.close();
    await waiting;
    finishFirst();
    await first;
  });

  it('report a request out of order as an error answer, not a crash', () => {
    expect(new HistoryJob().handle({ kind: 'compareEnd' })).toEqual({ ok: false, error: 'no compare in progress' });
  });
});

describe('concurrent reads per user', () => {
  it('lets a user run up to the cap, then refuses until one ends; users are counted apart', () => {
    const reads = new ConcurrentReads(2);
    const first = reads.tryStart('eu')!;
    expect(reads.tryStart('eu')).not.toBeNull();
    expect(reads.tryStart('eu')).toBeNull();
    expect(reads.tryStart('usa')).not.toBeNull();
    first();
    first(); // releasing twice frees one slot only
    expect(reads.tryStart('eu')).not.toBeNull();
    expect(reads.tryStart('eu')).toBeNull();
  });
});
